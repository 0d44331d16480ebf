<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DeviceBar</name>
    <message>
        <source>Arduino / HX711 (one number per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port, e.g. /dev/ttyUSB0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{baud} baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamometer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the gauge&apos;s port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no serial ports found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Choose the serial port the dynamometer is plugged into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <source>No patient selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart {chart}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born {date} ({age} y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>involved side: {side}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient id {id}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PictureWidget</name>
    <message>
        <source>1  Starting position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  End position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupBackup</name>
    <message>
        <source>Backing up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database backed up ({size} MB): {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up backup failed: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitGuard</name>
    <message>
        <source>Leave {name}&apos;s visit? {accepted} of {planned} trials are recorded; you can resume it later. Until it is finished, its results are shown as unfinished and not compared with other visits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to hiptrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no patients yet. Three steps get a clinic going; each can be changed later from the File menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the clinic&apos;s name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a gauge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the simulated gauge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A simulated Mark-10 on this computer: press P on the strength page for a push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Patients are listed on the left; search them with Ctrl+F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. The clinic&apos;s name heads every report and handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Plug the gauge in (USB or RS-232) and connect it on Strength testing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
