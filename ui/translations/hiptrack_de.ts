<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Application</name>
    <message>
        <source>Something went wrong: {problem}

Everything already recorded has been saved. The details are in the log file:
{folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {database} already holds 1 patient; the demo only fills an empty database. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {database} already holds {count} patients; the demo only fills an empty database. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ExerciseLogModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search name or chart number  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient  (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strength testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive or restore patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;batteries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Measurement error…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;linicians and PINs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visi&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a &amp;visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About hiptrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of 1 patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a patient first (Ctrl+F to search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New body mass today (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive this patient? Their records are kept and can be shown again with &apos;Show archived&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this patient to the active list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test batteries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clinic uses a PostgreSQL server. Its backups are made on the server (for example with pg_dump); ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to:
{file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database}

Backups: {backups}
Logs: {logs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About hiptrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack {version}
Hip strength testing and rehabilitation tracking for physiotherapy clinics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close hiptrack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>unfinished (resume on Strength testing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominant leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body mass (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;body mass…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded (norms do not apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (LSI not computed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mass} kg on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded (N/kg and Nm/kg cannot be computed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record body mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{patient}

Body mass today (kg):</source>
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
    <name>PatientListModel</name>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>Your progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician: leave patient view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first_name}, here is your progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave patient view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician password or PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password or PIN is not right.</source>
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
    <name>SetPinDialog</name>
    <message>
        <source>Set a clinician PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving the patient view needs a clinician&apos;s PIN, and no clinician has one yet. Set one now (6 to 12 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, e.g. J. Lee, PT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>hiptrack: create the first account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack: sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. J. Lee, PT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit hiptrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome. Create the clinic&apos;s first account: an administrator, who can then add an account for each clinician (File › Accounts, or `hiptrack user add`). The password needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hiptrack was locked after a while without use. Sign in to continue; signing in as someone else switches the session to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is working? Sign in with your hiptrack account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
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
    <name>StrengthPage</name>
    <message>
        <source> {n} trial(s) are awaiting the clinician&apos;s decision (not counted).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialScreen</name>
    <message>
        <source>peak, {unit}: awaiting your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial {number} was recorded before testing stopped and is awaiting the clinician&apos;s decision (not counted): accept it [Enter] or reject it [R].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial kept but not counted: {reason}. Repeat the trial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on this trial: {note}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… pending: awaiting the clinician&apos;s decision (not counted) · Enter / R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… awaiting the clinician&apos;s decision (not counted)</source>
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
<context>
    <name>Widgets</name>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
