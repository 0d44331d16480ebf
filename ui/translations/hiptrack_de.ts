<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Application</name>
    <message>
        <source>Something went wrong: {problem}

Everything already recorded has been saved. The details are in the log file:
{folder}</source>
        <translation>Ein Fehler ist aufgetreten: {problem}

Alles bereits Erfasste ist gespeichert. Die Einzelheiten stehen in der Protokolldatei:
{folder}</translation>
    </message>
    <message>
        <source>hiptrack: unexpected error</source>
        <translation>hiptrack: unerwarteter Fehler</translation>
    </message>
    <message>
        <source>hiptrack cannot open the database</source>
        <translation>hiptrack kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>Preparing the demo patients…</source>
        <translation>Demo-Patienten werden vorbereitet…</translation>
    </message>
    <message>
        <source>The {database} already holds 1 patient; the demo only fills an empty database. Nothing was changed.</source>
        <translation>Die Datenbank ({database}) enthält bereits 1 Patienten; die Demo füllt nur eine leere Datenbank. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The {database} already holds {count} patients; the demo only fills an empty database. Nothing was changed.</source>
        <translation>Die Datenbank ({database}) enthält bereits {count} Patienten; die Demo füllt nur eine leere Datenbank. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>hiptrack demo</source>
        <translation>hiptrack-Demo</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Chart number (all patients when empty)</source>
        <translation>Patientennummer (leer: alle Patienten)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Pat.-Nr.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>The first {n} events (narrow the filter to see the rest)</source>
        <translation>Die ersten {n} Ereignisse (engen Sie den Filter ein, um den Rest zu sehen)</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} Ereignisse</translation>
    </message>
    <message>
        <source>Saved {events} to {file} ({patients})</source>
        <translation>{events} in {file} gespeichert ({patients})</translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 Patient</translation>
    </message>
    <message>
        <source>{n} patients</source>
        <translation>{n} Patienten</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Audit-Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>{file} konnte nicht geschrieben werden: {error}</translation>
    </message>
</context>
<context>
    <name>BatteriesDialog</name>
    <message>
        <source>Test batteries</source>
        <translation>Testbatterien</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Hide from new visits; unfinished visits that use it can still be resumed</source>
        <translation>Für neue Untersuchungen ausblenden; unvollständige Untersuchungen mit dieser Batterie lassen sich weiter fortsetzen</translation>
    </message>
    <message>
        <source>Built-in batteries cannot be changed. Batteries are shared by every workstation.</source>
        <translation>Mitgelieferte Batterien lassen sich nicht ändern. Batterien gelten für alle Arbeitsplätze.</translation>
    </message>
    <message>
        <source>{title}  (built-in)</source>
        <translation>{title}  (mitgeliefert)</translation>
    </message>
    <message>
        <source>{title}  (archived)</source>
        <translation>{title}  (archiviert)</translation>
    </message>
    <message>
        <source>Hide &apos;{title}&apos; from new visits?</source>
        <translation>„{title}“ für neue Untersuchungen ausblenden?</translation>
    </message>
    <message>
        <source>Archive battery</source>
        <translation>Batterie archivieren</translation>
    </message>
</context>
<context>
    <name>BatteryEditor</name>
    <message>
        <source>Test battery</source>
        <translation>Testbatterie</translation>
    </message>
    <message>
        <source>Alternate sides between trials (one side rests while the other works)</source>
        <translation>Seiten zwischen den Versuchen abwechseln (eine Seite ruht, während die andere arbeitet)</translation>
    </message>
    <message>
        <source>make</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Trials per side</source>
        <translation>&amp;Versuche je Seite</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Methode</translation>
    </message>
    <message>
        <source>A battery called &apos;{title}&apos; already exists</source>
        <translation>Eine Batterie namens „{title}“ gibt es bereits</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>Exercise catalog</source>
        <translation>Übungskatalog</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Target muscles</source>
        <translation>Zielmuskeln</translation>
    </message>
    <message>
        <source>Default dosage</source>
        <translation>Standarddosierung</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>&amp;Archivierte zeigen</translation>
    </message>
    <message>
        <source>&amp;Add clinic exercise…</source>
        <translation>&amp;Eigene Übung hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Archi&amp;ve / restore</source>
        <translation>Archivieren / &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Pic&amp;ture…</source>
        <translation>B&amp;ild…</translation>
    </message>
    <message>
        <source>Give this exercise the clinic&apos;s own picture (PNG, JPEG or SVG, up to 2 MB)</source>
        <translation>Dieser Übung ein eigenes Bild der Praxis geben (PNG, JPEG oder SVG, bis 2 MB)</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>clinic&apos;s own</source>
        <translation>eigene der Praxis</translation>
    </message>
    <message>
        <source>built-in, edited by the clinic</source>
        <translation>mitgeliefert, von der Praxis bearbeitet</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>{origin} (archived)</source>
        <translation>{origin} (archiviert)</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Häufige Fehler</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Picture for {exercise}</source>
        <translation>Bild für {exercise}</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Could not read {file}: {error}</source>
        <translation>{file} konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>{file} is damaged: it cannot be shown as a picture</source>
        <translation>{file} ist beschädigt: es kann nicht als Bild angezeigt werden</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>d MMM</source>
        <comment>a day on a time axis (QDate pattern)</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>a month on a time axis (QDate pattern)</comment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Noch keine Daten</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>hollow marker: change vs previous visit within MDC</source>
        <translation>hohl: Veränderung zur Voruntersuchung innerhalb der MDC</translation>
    </message>
    <message>
        <source>Side-to-side difference (%), weaker side marked L / R</source>
        <translation>Seitendifferenz (%), schwächere Seite mit L / R markiert</translation>
    </message>
    <message>
        <source>Bands: the clinic&apos;s thresholds. Fixed cut-offs are poorly supported ({source}).</source>
        <translation>Bänder: Grenzwerte der Praxis. Feste Grenzwerte sind kaum belegt ({source}).</translation>
    </message>
    <message>
        <source>Needs both sides tested</source>
        <translation>Beide Seiten müssen getestet sein</translation>
    </message>
    <message>
        <source>L</source>
        <comment>left side, one letter</comment>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <comment>right side, one letter</comment>
        <translation>R</translation>
    </message>
    <message>
        <source>Pain (NPRS) and function (PSFS)</source>
        <translation>Schmerz (NPRS) und Funktion (PSFS)</translation>
    </message>
    <message>
        <source>No pain or function scores yet</source>
        <translation>Noch keine Schmerz- oder Funktionswerte</translation>
    </message>
    <message>
        <source>NPRS pain (lower is better)</source>
        <translation>NPRS Schmerz (niedriger ist besser)</translation>
    </message>
    <message>
        <source>PSFS function (higher is better)</source>
        <translation>PSFS Funktion (höher ist besser)</translation>
    </message>
    <message>
        <source>Disability (ODI total)</source>
        <translation>Beeinträchtigung (ODI gesamt)</translation>
    </message>
    <message>
        <source>No ODI scores yet</source>
        <translation>Noch keine ODI-Werte</translation>
    </message>
    <message>
        <source>ODI (lower is better)</source>
        <translation>ODI (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Exercise adherence per week</source>
        <translation>Therapietreue pro Woche</translation>
    </message>
    <message>
        <source>No home exercises prescribed yet</source>
        <translation>Noch keine Hausübungen verordnet</translation>
    </message>
    <message>
        <source>% of planned sessions</source>
        <translation>% der geplanten Einheiten</translation>
    </message>
    <message>
        <source>Ankle weight (heaviest per week)</source>
        <translation>Gewichtsmanschette (schwerste pro Woche)</translation>
    </message>
    <message>
        <source>No resistance logged</source>
        <translation>Kein Widerstand protokolliert</translation>
    </message>
    <message>
        <source>Ankle weight</source>
        <translation>Gewichtsmanschette</translation>
    </message>
</context>
<context>
    <name>CliniciansDialog</name>
    <message>
        <source>Clinicians and PINs</source>
        <translation>Therapeuten und PINs</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;anlegen…</translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation>&amp;PIN festlegen…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Passwort &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Disable or enable</source>
        <translation>&amp;Deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <source>A clinician&apos;s password or PIN (6 to 12 digits) closes the patient view. Passwords and PINs are stored only as Argon2id hashes: nobody can read them, an admin can set new ones.</source>
        <translation>Das Passwort oder die PIN (6 bis 12 Ziffern) eines Therapeuten schließt die Patientenansicht. Passwörter und PINs werden nur als Argon2id-Hashes gespeichert: niemand kann sie lesen, ein Administrator kann neue festlegen.</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>PIN festgelegt</translation>
    </message>
    <message>
        <source>no PIN</source>
        <translation>keine PIN</translation>
    </message>
    <message>
        <source>{name}  ({username}, {role}, {pin})</source>
        <translation>{name}  ({username}, {role}, {pin})</translation>
    </message>
    <message>
        <source>{name}  ({username}, {role}, {pin}, disabled)</source>
        <translation>{name}  ({username}, {role}, {pin}, deaktiviert)</translation>
    </message>
    <message>
        <source>Password (at least 8 characters):</source>
        <translation>Passwort (mindestens 8 Zeichen):</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>Dasselbe Passwort noch einmal:</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Die beiden Passwörter stimmen nicht überein; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Name as it should appear on reports:</source>
        <translation>Name, wie er auf Berichten erscheinen soll:</translation>
    </message>
    <message>
        <source>User name for signing in (letters and digits):</source>
        <translation>Benutzername für die Anmeldung (Buchstaben und Ziffern):</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Wählen Sie zuerst ein Konto.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Disable or enable</source>
        <translation>Deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN festlegen</translation>
    </message>
    <message>
        <source>Select a clinician first.</source>
        <translation>Wählen Sie zuerst einen Therapeuten.</translation>
    </message>
    <message>
        <source>New PIN (6 to 12 digits):</source>
        <translation>Neue PIN (6 bis 12 Ziffern):</translation>
    </message>
    <message>
        <source>The same PIN again:</source>
        <translation>Dieselbe PIN noch einmal:</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>Die beiden PINs stimmen nicht überein; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>DeviceBar</name>
    <message>
        <source>Arduino / HX711 (one number per line)</source>
        <translation>Arduino / HX711 (eine Zahl pro Zeile)</translation>
    </message>
    <message>
        <source>Serial port, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>Serielle Schnittstelle, z. B. /dev/ttyUSB0 oder COM3</translation>
    </message>
    <message>
        <source>default baud</source>
        <translation>Standard-Baudrate</translation>
    </message>
    <message>
        <source>{baud} baud</source>
        <translation>{baud} Baud</translation>
    </message>
    <message>
        <source>Find ports</source>
        <translation>Ports suchen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Dynamometer:</source>
        <translation>Dynamometer:</translation>
    </message>
    <message>
        <source>choose the gauge&apos;s port</source>
        <translation>Port des Messgeräts wählen</translation>
    </message>
    <message>
        <source>no serial ports found</source>
        <translation>keine seriellen Ports gefunden</translation>
    </message>
    <message>
        <source>■ Choose the serial port the dynamometer is plugged into.</source>
        <translation>■ Wählen Sie den seriellen Port, an dem das Dynamometer angeschlossen ist.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
</context>
<context>
    <name>ExerciseDialogs</name>
    <message>
        <source>Each side</source>
        <translation>Jede Seite</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both legs together</source>
        <translation>Beide Beine zugleich</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Resistance band</source>
        <translation>Übungsband</translation>
    </message>
    <message>
        <source>Ankle weight</source>
        <translation>Gewichtsmanschette</translation>
    </message>
</context>
<context>
    <name>ExerciseEditDialog</name>
    <message>
        <source>New clinic exercise</source>
        <translation>Neue eigene Übung</translation>
    </message>
    <message>
        <source>Edit exercise: {exercise}</source>
        <translation>Übung bearbeiten: {exercise}</translation>
    </message>
    <message>
        <source>No automatic suggestion</source>
        <translation>Kein automatischer Vorschlag</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Target muscles</source>
        <translation>&amp;Zielmuskeln</translation>
    </message>
    <message>
        <source>&amp;Set-up</source>
        <translation>&amp;Ausgangsstellung</translation>
    </message>
    <message>
        <source>&amp;Movement</source>
        <translation>&amp;Bewegung</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Halten</translation>
    </message>
    <message>
        <source>Common m&amp;istakes</source>
        <translation>Häufige &amp;Fehler</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Sessions/week</source>
        <translation>Einheiten/Woche</translation>
    </message>
    <message>
        <source>Default dosage</source>
        <translation>Standarddosierung</translation>
    </message>
    <message>
        <source>&amp;Progression rule</source>
        <translation>&amp;Progressionsregel</translation>
    </message>
    <message>
        <source>Rule &amp;parameters</source>
        <translation>Regelpa&amp;rameter</translation>
    </message>
    <message>
        <source>Progression &amp;text</source>
        <translation>Progressions&amp;text</translation>
    </message>
    <message>
        <source>Built-in exercise: your edits are kept when hiptrack is updated.</source>
        <translation>Mitgelieferte Übung: Ihre Änderungen bleiben bei einem Update von hiptrack erhalten.</translation>
    </message>
    <message>
        <source>Rule parameters must be written like {example}</source>
        <translation>Regelparameter müssen wie {example} geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ExerciseLogModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Schwierigkeit</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>quick</source>
        <translation>kurz</translation>
    </message>
    <message>
        <source>detailed</source>
        <translation>ausführlich</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
</context>
<context>
    <name>ExercisePage</name>
    <message>
        <source>Progra&amp;m</source>
        <translation>&amp;Programm</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>P&amp;rotokoll</translation>
    </message>
    <message>
        <source>O&amp;utcome scores</source>
        <translation>&amp;Scores</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Prescri&amp;be…</source>
        <translation>Ver&amp;ordnen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>Exercise &amp;catalog…</source>
        <translation>Übungska&amp;talog…</translation>
    </message>
    <message>
        <source>Log fo&amp;r</source>
        <translation>Protokoll &amp;für</translation>
    </message>
    <message>
        <source>Done as prescribed  (Ctrl+D)</source>
        <translation>Wie verordnet erledigt  (Strg+D)</translation>
    </message>
    <message>
        <source>One entry for every exercise prescribed on that day (Ctrl+D)</source>
        <translation>Ein Eintrag für jede an diesem Tag verordnete Übung (Strg+D)</translation>
    </message>
    <message>
        <source>Log details…  (Ctrl+L)</source>
        <translation>Details…  (Strg+L)</translation>
    </message>
    <message>
        <source>Sets, repetitions, resistance, pain and difficulty for the selected exercise</source>
        <translation>Sätze, Wiederholungen, Widerstand, Schmerz und Schwierigkeit der gewählten Übung</translation>
    </message>
    <message>
        <source>Prescribed exercises</source>
        <translation>Verordnete Übungen</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Sessions done</source>
        <translation>Erledigte Einheiten</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Verordnet</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Therapietreue</translation>
    </message>
    <message>
        <source>Prescribed sessions are prorated for part weeks. A day counts once per exercise, and extra sessions of one exercise do not make up for another, so adherence never exceeds 100 %.</source>
        <translation>Verordnete Einheiten werden für angebrochene Wochen anteilig gerechnet. Ein Tag zählt je Übung einmal, und zusätzliche Einheiten einer Übung gleichen keine andere aus, daher liegt die Therapietreue nie über 100 %.</translation>
    </message>
    <message>
        <source>Weekly adherence (% of prescribed sessions done)</source>
        <translation>Therapietreue pro Woche (% erledigt)</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Übernehm&amp;en</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>No progression due: rules are checked against the latest logged sessions.</source>
        <translation>Keine Progression fällig: Die Regeln werden an den zuletzt protokollierten Einheiten geprüft.</translation>
    </message>
    <message>
        <source>Progression suggestions</source>
        <translation>Progressionsvorschläge</translation>
    </message>
    <message>
        <source>Edit entry…</source>
        <translation>Eintrag bearbeiten…</translation>
    </message>
    <message>
        <source>Void entry</source>
        <translation>Eintrag stornieren</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historie…</translation>
    </message>
    <message>
        <source>Edits and voids are kept in the audit trail (History).</source>
        <translation>Änderungen bleiben im Audit-Protokoll (Historie).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation>Veränderung zum Ausgangswert</translation>
    </message>
    <message>
        <source>Change from previous</source>
        <translation>Veränderung zum vorigen Wert</translation>
    </message>
    <message>
        <source>Record &amp;NPRS…</source>
        <translation>&amp;NPRS erfassen…</translation>
    </message>
    <message>
        <source>Record ODI total…</source>
        <translation>ODI-Gesamtwert erfassen…</translation>
    </message>
    <message>
        <source>Record PSFS…</source>
        <translation>PSFS erfassen…</translation>
    </message>
    <message>
        <source>Void score</source>
        <translation>Wert stornieren</translation>
    </message>
    <message>
        <source>✔ MCIC reached = improvement at least the minimal clinically important change (NPRS 2 points or 30 % and ODI 10 points or 30 %, Ostelo 2008; PSFS 2 points). ▼ = worse.</source>
        <translation>✔ MCIC erreicht = Verbesserung mindestens um die minimale klinisch bedeutsame Veränderung (NPRS 2 Punkte oder 30 % und ODI 10 Punkte oder 30 %, Ostelo 2008; PSFS 2 Punkte). ▼ = schlechter.</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Kein Patient ausgewählt</translation>
    </message>
    <message>
        <source>Exercise program</source>
        <translation>Übungsprogramm</translation>
    </message>
    <message>
        <source>Home exercise program — {last}, {first}</source>
        <translation>Hausübungsprogramm — {last}, {first}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>{done} of 1 session</source>
        <translation>{done} von 1 Einheit</translation>
    </message>
    <message>
        <source>{done} of {prescribed} sessions</source>
        <translation>{done} von {prescribed} Einheiten</translation>
    </message>
    <message>
        <source>starts {date}</source>
        <translation>beginnt am {date}</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>{percent} so far</source>
        <translation>bisher {percent}</translation>
    </message>
    <message>
        <source>Nothing prescribed yet.</source>
        <translation>Noch nichts verordnet.</translation>
    </message>
    <message>
        <source>This week so far: {sessions}.</source>
        <translation>Diese Woche bisher: {sessions}.</translation>
    </message>
    <message>
        <source>Last complete week: {sessions}, &lt;b&gt;{percent}&lt;/b&gt;.</source>
        <translation>Letzte vollständige Woche: {sessions}, &lt;b&gt;{percent}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Last {n} complete weeks: {sessions}, &lt;b&gt;{percent}&lt;/b&gt;.</source>
        <translation>Letzte {n} vollständige Wochen: {sessions}, &lt;b&gt;{percent}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>End prescription</source>
        <translation>Verordnung beenden</translation>
    </message>
    <message>
        <source>Stop {exercise} after today ({date})? Its log stays.</source>
        <translation>{exercise} nach heute ({date}) beenden? Das Protokoll bleibt erhalten.</translation>
    </message>
    <message>
        <source>Void prescription</source>
        <translation>Verordnung stornieren</translation>
    </message>
    <message>
        <source>Void {exercise}? Use this only for a prescription entered in error: it no longer counts for adherence.</source>
        <translation>{exercise} stornieren? Nur für eine irrtümlich eingegebene Verordnung verwenden: Sie zählt dann nicht mehr für die Therapietreue.</translation>
    </message>
    <message>
        <source>Done as prescribed</source>
        <translation>Wie verordnet erledigt</translation>
    </message>
    <message>
        <source>Nothing to add: every exercise prescribed today is already logged.</source>
        <translation>Nichts hinzuzufügen: Jede heute verordnete Übung ist bereits protokolliert.</translation>
    </message>
    <message>
        <source>Logged 1 exercise as done today.</source>
        <translation>1 Übung als heute erledigt protokolliert.</translation>
    </message>
    <message>
        <source>Logged {n} exercises as done today.</source>
        <translation>{n} Übungen als heute erledigt protokolliert.</translation>
    </message>
    <message>
        <source>Nothing to add: every exercise prescribed {date} is already logged.</source>
        <translation>Nichts hinzuzufügen: Jede am {date} verordnete Übung ist bereits protokolliert.</translation>
    </message>
    <message>
        <source>Logged 1 exercise as done {date}.</source>
        <translation>1 Übung als am {date} erledigt protokolliert.</translation>
    </message>
    <message>
        <source>Logged {n} exercises as done {date}.</source>
        <translation>{n} Übungen als am {date} erledigt protokolliert.</translation>
    </message>
    <message>
        <source>Log again</source>
        <translation>Erneut protokollieren</translation>
    </message>
    <message>
        <source>{exercise} is already logged for {date}. Log it a second time? (A day counts once for adherence.)</source>
        <translation>{exercise} ist für den {date} bereits protokolliert. Ein zweites Mal protokollieren? (Ein Tag zählt für die Therapietreue einmal.)</translation>
    </message>
    <message>
        <source>Not logged: {exercise} is already logged for {date}; change the date or cancel</source>
        <translation>Nicht protokolliert: {exercise} ist für den {date} bereits protokolliert; ändern Sie das Datum oder brechen Sie ab</translation>
    </message>
    <message>
        <source>Logged {exercise} for {date}.</source>
        <translation>{exercise} für den {date} protokolliert.</translation>
    </message>
    <message>
        <source>Void log entry</source>
        <translation>Protokolleintrag stornieren</translation>
    </message>
    <message>
        <source>Void the {exercise} entry of {date}? It stays in the audit trail.</source>
        <translation>Den Eintrag {exercise} vom {date} stornieren? Er bleibt im Audit-Protokoll erhalten.</translation>
    </message>
    <message>
        <source>Log entry history</source>
        <translation>Historie des Protokolleintrags</translation>
    </message>
    <message>
        <source>No history recorded.</source>
        <translation>Keine Historie erfasst.</translation>
    </message>
    <message>
        <source>{when}  created by {actor}</source>
        <translation>{when}  angelegt von {actor}</translation>
    </message>
    <message>
        <source>{when}  imported</source>
        <translation>{when}  importiert</translation>
    </message>
    <message>
        <source>{when}  voided by {actor}</source>
        <translation>{when}  storniert von {actor}</translation>
    </message>
    <message>
        <source>{when}  changed by {actor}: {changes}</source>
        <translation>{when}  geändert von {actor}: {changes}</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Void this score? Use this only for a score entered in error.</source>
        <translation>Diesen Wert stornieren? Nur für einen irrtümlich eingegebenen Wert verwenden.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>no change</source>
        <translation>keine Veränderung</translation>
    </message>
    <message>
        <source>{pct} % more</source>
        <translation>{pct} % mehr</translation>
    </message>
    <message>
        <source>{pct} % less</source>
        <translation>{pct} % weniger</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>10 / 20 % (Sapega 1990)</source>
        <translation>10 / 20 % (Sapega 1990)</translation>
    </message>
    <message>
        <source>10 / 15 %</source>
        <translation>10 / 15 %</translation>
    </message>
    <message>
        <source>10 / 25 % (VALD HumanTrak)</source>
        <translation>10 / 25 % (VALD HumanTrak)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Display unit</source>
        <translation>Anzeigeeinheit</translation>
    </message>
    <message>
        <source>Asymmetry preset</source>
        <translation>Asymmetrie-Vorgabe</translation>
    </message>
    <message>
        <source>Asymmetry amber from (%)</source>
        <translation>Asymmetrie gelb ab (%)</translation>
    </message>
    <message>
        <source>Asymmetry red from (%)</source>
        <translation>Asymmetrie rot ab (%)</translation>
    </message>
    <message>
        <source>Asymmetry exactly at the red figure</source>
        <translation>Asymmetrie genau auf dem Rot-Grenzwert</translation>
    </message>
    <message>
        <source>Red from the figure (the product rule) or only above it (Sapega&apos;s and HumanTrak&apos;s wording &apos;&gt; 20 %&apos;).</source>
        <translation>Rot ab dem Grenzwert (die Regel von hiptrack) oder erst darüber (Formulierung von Sapega und HumanTrak: „&gt; 20 %“).</translation>
    </message>
    <message>
        <source>Flag a body mass older than (days)</source>
        <translation>Körpergewicht markieren, wenn älter als (Tage)</translation>
    </message>
    <message>
        <source>A mass carried forward from longer ago is flagged at the visit and beside N/kg and Nm/kg.</source>
        <translation>Ein übernommenes Körpergewicht, das länger zurückliegt, wird bei der Untersuchung und neben N/kg und Nm/kg markiert.</translation>
    </message>
    <message>
        <source>LSI pass from (%)</source>
        <translation>LSI bestanden ab (%)</translation>
    </message>
    <message>
        <source>Trial CV limit (%)</source>
        <translation>CV-Grenze der Versuche (%)</translation>
    </message>
    <message>
        <source>Above this coefficient of variation another trial is offered (TUR Isoforce: 15 % large muscles).</source>
        <translation>Über diesem Variationskoeffizienten (CV) wird ein weiterer Versuch angeboten (TUR Isoforce: 15 % bei großen Muskeln).</translation>
    </message>
    <message>
        <source>Primary score per side</source>
        <translation>Hauptwert je Seite</translation>
    </message>
    <message>
        <source>Default test protocol</source>
        <translation>Standard-Testprotokoll</translation>
    </message>
    <message>
        <source>Trials per side</source>
        <translation>Versuche je Seite</translation>
    </message>
    <message>
        <source>Rest between trials (s)</source>
        <translation>Pause zwischen Versuchen (s)</translation>
    </message>
    <message>
        <source>Trial onset threshold (N)</source>
        <translation>Schwelle für den Versuchsbeginn (N)</translation>
    </message>
    <message>
        <source>Gauge plausibility limit (N)</source>
        <translation>Plausibilitätsgrenze des Messgeräts (N)</translation>
    </message>
    <message>
        <source>A reading above this (or above the capacity the gauge states, which wins) is corrupt data, never a force: it is ignored, counted, and interrupts the trial it falls in.</source>
        <translation>Ein Messwert darüber (oder über der vom Messgerät angegebenen Kapazität, die Vorrang hat) ist fehlerhaft, nie eine Kraft: Er wird ignoriert, gezählt und unterbricht den laufenden Versuch.</translation>
    </message>
    <message>
        <source>Lock after idle time (minutes)</source>
        <translation>Sperren nach Leerlauf (Minuten)</translation>
    </message>
    <message>
        <source>Without keyboard or mouse input for this long, hiptrack hides every window and asks for a sign-in.</source>
        <translation>Ohne Tastatur- oder Mauseingabe über diese Zeit verbirgt hiptrack alle Fenster und verlangt eine Anmeldung.</translation>
    </message>
    <message>
        <source>Clinic name (report header)</source>
        <translation>Name der Praxis (Berichtskopf)</translation>
    </message>
    <message>
        <source>Clinic logo file (report header)</source>
        <translation>Logodatei der Praxis (Berichtskopf)</translation>
    </message>
    <message>
        <source>Clinic address (report header)</source>
        <translation>Adresse der Praxis (Berichtskopf)</translation>
    </message>
    <message>
        <source>Clinic phone (report header, handout)</source>
        <translation>Telefon der Praxis (Berichtskopf, Übungsblatt)</translation>
    </message>
    <message>
        <source>Clinic e-mail (report header, handout)</source>
        <translation>E-Mail der Praxis (Berichtskopf, Übungsblatt)</translation>
    </message>
    <message>
        <source>Chart number system URI (FHIR export)</source>
        <translation>System-URI der Patientennummern (FHIR-Export)</translation>
    </message>
    <message>
        <source>The identifier system your health record uses for chart numbers (for example urn:oid:…); empty: hiptrack&apos;s own, which an EHR will not recognise</source>
        <translation>Das Identifikatorsystem, das Ihre elektronische Patientenakte für Patientennummern nutzt (zum Beispiel urn:oid:…); leer: das eigene von hiptrack, das eine Patientenakte nicht erkennt</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistenz</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>difference &lt; {pct:g}%</source>
        <translation>Differenz &lt; {pct:g}&#xa0;%</translation>
    </message>
    <message>
        <source>difference ≥ {pct:g}%</source>
        <translation>Differenz ≥ {pct:g}&#xa0;%</translation>
    </message>
    <message>
        <source>difference &gt; {pct:g}%</source>
        <translation>Differenz &gt; {pct:g}&#xa0;%</translation>
    </message>
    <message>
        <source>The {side} side is missing: asymmetry needs both sides</source>
        <translation>Die Seite {side} fehlt: Die Asymmetrie braucht beide Seiten</translation>
    </message>
    <message>
        <source>The {side} side is {value:g}: asymmetry needs values above zero on both sides</source>
        <translation>Die Seite {side} hat {value:g}: Die Asymmetrie braucht auf beiden Seiten Werte über null</translation>
    </message>
    <message>
        <source>a hand-held dynamometer</source>
        <translation>einem Handdynamometer</translation>
    </message>
    <message>
        <source>an isokinetic dynamometer</source>
        <translation>einem isokinetischen Dynamometer</translation>
    </message>
    <message>
        <source>isometric</source>
        <translation>isometrisch</translation>
    </message>
    <message>
        <source>eccentric</source>
        <translation>exzentrisch</translation>
    </message>
    <message>
        <source>concentric</source>
        <translation>konzentrisch</translation>
    </message>
    <message>
        <source>hip abduction</source>
        <translation>Hüftabduktion</translation>
    </message>
    <message>
        <source>hip extension</source>
        <translation>Hüftextension</translation>
    </message>
    <message>
        <source>below</source>
        <translation>unterhalb</translation>
    </message>
    <message>
        <source>within</source>
        <translation>innerhalb</translation>
    </message>
    <message>
        <source>above</source>
        <translation>oberhalb</translation>
    </message>
    <message>
        <source>no reference: {reason}</source>
        <translation>kein Referenzwert: {reason}</translation>
    </message>
    <message>
        <source>Test date {test} is before the date of birth {birth}</source>
        <translation>Testdatum {test} liegt vor dem Geburtsdatum {birth}</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>jedes Alter</translation>
    </message>
    <message>
        <source>the norm</source>
        <translation>die Normstudie</translation>
    </message>
    <message>
        <source>{norm} was measured on {norm_device} ({contraction}), not {device}</source>
        <translation>{norm} wurde mit {norm_device} gemessen ({contraction}), nicht mit {device}</translation>
    </message>
    <message>
        <source>{norm} is an {contraction} test; a {method} test is {method_contraction}</source>
        <translation>{norm} testet {contraction}; ein {method}-Test ist {method_contraction}</translation>
    </message>
    <message>
        <source>{norm} is a {contraction} test; a {method} test is {method_contraction}</source>
        <translation>{norm} testet {contraction}; ein {method}-Test ist {method_contraction}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>this test position</source>
        <translation>diese Testposition</translation>
    </message>
    <message>
        <source>{norm} has no norm for this position ({position})</source>
        <translation>{norm} hat keinen Normwert für diese Position ({position})</translation>
    </message>
    <message>
        <source>{norm} was measured with a {methods} test, not {method}</source>
        <translation>{norm} wurde mit einem {methods}-Test gemessen, nicht mit einem {method}-Test</translation>
    </message>
    <message>
        <source>{norm}: age {age:g} is outside the sample&apos;s {ages} years</source>
        <translation>{norm}: Alter {age:g} liegt außerhalb der {ages} Jahre der Stichprobe</translation>
    </message>
    <message>
        <source>{norm} is defined for female and male only</source>
        <translation>{norm} ist nur für weiblich und männlich definiert</translation>
    </message>
    <message>
        <source>{norm} predicts {nm:.1f} Nm for this patient</source>
        <translation>{norm} sagt für diesen Patienten {nm:.1f} Nm voraus</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message>
        <source>sex not recorded (set it in the patient&apos;s details)</source>
        <translation>Geschlecht nicht erfasst (in den Patientendaten angeben)</translation>
    </message>
    <message>
        <source>Nm/kg needs body mass and lever arm</source>
        <translation>Nm/kg braucht Körpergewicht und Hebelarm</translation>
    </message>
    <message>
        <source>the Harbo equations are defined for female and male only</source>
        <translation>die Harbo-Gleichungen sind nur für weiblich und männlich definiert</translation>
    </message>
    <message>
        <source>% predicted needs height, body mass and lever arm</source>
        <translation>% vom Sollwert braucht Körpergröße, Körpergewicht und Hebelarm</translation>
    </message>
    <message>
        <source>no published norm for {action}</source>
        <translation>kein veröffentlichter Normwert für {action}</translation>
    </message>
    <message>
        <source>Numeric pain rating (0–10)</source>
        <translation>Numerische Schmerzskala (0–10)</translation>
    </message>
    <message>
        <source>Oswestry Disability Index (total, 0–100)</source>
        <translation>Oswestry Disability Index (Gesamtwert, 0–100)</translation>
    </message>
    <message>
        <source>Patient-Specific Functional Scale (mean, 0–10)</source>
        <translation>Patient-Specific Functional Scale (Mittelwert, 0–10)</translation>
    </message>
    <message>
        <source>{title}: {score:g} is outside {minimum:g}–{maximum:g}</source>
        <translation>{title}: {score:g} liegt außerhalb von {minimum:g}–{maximum:g}</translation>
    </message>
    <message>
        <source>Numeric pain rating must be a whole number 0–10 (got {score:g})</source>
        <translation>Die numerische Schmerzskala braucht eine ganze Zahl 0–10 (eingegeben: {score:g})</translation>
    </message>
    <message>
        <source>ODI items answered must be 1–{sections} (got {items_answered!r})</source>
        <translation>Beantwortete ODI-Abschnitte müssen 1–{sections} sein (eingegeben: {items_answered!r})</translation>
    </message>
    <message>
        <source>ODI with {items_answered} of {sections} sections answered is not scored: the scoring instructions (Fairbank &amp; Pynsent 2000) allow one section missed, so at least {min_sections} are needed</source>
        <translation>Ein ODI mit {items_answered} von {sections} beantworteten Abschnitten wird nicht ausgewertet: Die Auswertungsregeln (Fairbank &amp; Pynsent 2000) erlauben einen fehlenden Abschnitt, also sind mindestens {min_sections} nötig</translation>
    </message>
    <message>
        <source>ODI item sum {total:g} is outside 0–{value} for {items_answered} items</source>
        <translation>Die ODI-Summe {total:g} liegt außerhalb von 0–{value} für {items_answered} Abschnitte</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minimal</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>crippled</source>
        <translation>invalidisierend</translation>
    </message>
    <message>
        <source>bed-bound or exaggerating</source>
        <translation>bettlägerig oder aggravierend</translation>
    </message>
    <message>
        <source>PSFS needs 3 to 5 activities (got {count})</source>
        <translation>Der PSFS braucht 3 bis 5 Aktivitäten (eingegeben: {count})</translation>
    </message>
    <message>
        <source>Gluteus medius (hip abduction)</source>
        <translation>Gluteus medius (Hüft­abduktion)</translation>
    </message>
    <message>
        <source>Gluteus maximus (hip extension)</source>
        <translation>Gluteus maximus (Hüft­extension)</translation>
    </message>
    <message>
        <source>make</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Side-lying, short lever</source>
        <translation>Seitenlage, kurzer Hebel</translation>
    </message>
    <message>
        <source>Side-lying on the untested side; tested hip neutral or slightly extended, neutral rotation, knee straight</source>
        <translation>Seitenlage auf der nicht getesteten Seite; getestete Hüfte neutral oder leicht extendiert, Rotation neutral, Knie gestreckt</translation>
    </message>
    <message>
        <source>Lateral thigh just above the knee</source>
        <translation>Lateraler Oberschenkel knapp oberhalb des Knies</translation>
    </message>
    <message>
        <source>Side-lying, long lever</source>
        <translation>Seitenlage, langer Hebel</translation>
    </message>
    <message>
        <source>Side-lying on the untested side, knee straight</source>
        <translation>Seitenlage auf der nicht getesteten Seite, Knie gestreckt</translation>
    </message>
    <message>
        <source>Just above the lateral malleolus</source>
        <translation>Knapp oberhalb des Malleolus lateralis</translation>
    </message>
    <message>
        <source>Supine, long lever</source>
        <translation>Rückenlage, langer Hebel</translation>
    </message>
    <message>
        <source>Supine, pelvis stabilised with a belt or against a wall</source>
        <translation>Rückenlage, Becken mit Gurt oder an der Wand stabilisiert</translation>
    </message>
    <message>
        <source>Standing, long lever</source>
        <translation>Stand, langer Hebel</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Prone, knee 90°, short lever</source>
        <translation>Bauchlage, Knie 90°, kurzer Hebel</translation>
    </message>
    <message>
        <source>Prone, tested knee flexed to 90° (reduces the hamstrings&apos; share)</source>
        <translation>Bauchlage, getestetes Knie 90° flektiert (verringert den Anteil der ischiokruralen Muskulatur)</translation>
    </message>
    <message>
        <source>Posterior thigh just above the knee</source>
        <translation>Dorsaler Oberschenkel knapp oberhalb des Knies</translation>
    </message>
    <message>
        <source>Prone, long lever</source>
        <translation>Bauchlage, langer Hebel</translation>
    </message>
    <message>
        <source>Prone, knee straight</source>
        <translation>Bauchlage, Knie gestreckt</translation>
    </message>
    <message>
        <source>Just above the ankle</source>
        <translation>Knapp oberhalb des Sprunggelenks</translation>
    </message>
    <message>
        <source>Prone-standing</source>
        <translation>Bauchlage im Stand</translation>
    </message>
    <message>
        <source>Trunk on the plinth, tested hip flexed 45°, knee extended</source>
        <translation>Oberkörper auf der Liege, getestete Hüfte 45° flektiert, Knie gestreckt</translation>
    </message>
    <message>
        <source>Posterior thigh</source>
        <translation>Dorsaler Oberschenkel</translation>
    </message>
    <message>
        <source>Standard hip: gluteus medius and maximus, left and right</source>
        <translation>Standard Hüfte: Gluteus medius und maximus, links und rechts</translation>
    </message>
    <message>
        <source>unlisted position</source>
        <translation>nicht aufgeführte Position</translation>
    </message>
    <message>
        <source>measured at this visit</source>
        <translation>bei dieser Untersuchung gemessen</translation>
    </message>
    <message>
        <source>measured on {date}</source>
        <translation>gemessen am {date}</translation>
    </message>
    <message>
        <source>carried forward</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>carried forward from {date}</source>
        <translation>übernommen vom {date}</translation>
    </message>
    <message>
        <source>typical value, not measured</source>
        <translation>typischer Wert, nicht gemessen</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>imported ({date})</source>
        <translation>importiert ({date})</translation>
    </message>
    <message>
        <source>source not recorded (saved before hiptrack kept it)</source>
        <translation>Herkunft nicht erfasst (gespeichert, bevor hiptrack sie festhielt)</translation>
    </message>
    <message>
        <source>rests on a typical lever arm ({lever:g} m), not a measured one</source>
        <translation>beruht auf einem typischen Hebelarm ({lever:g} m), nicht auf einem gemessenen</translation>
    </message>
    <message>
        <source>lever arm {lever:g} m: whether it was measured was not recorded</source>
        <translation>Hebelarm {lever:g} m: ob er gemessen wurde, ist nicht erfasst</translation>
    </message>
    <message>
        <source>rests on a body mass carried forward from {date}, {age} days old: older than {limit} days</source>
        <translation>beruht auf einem vom {date} übernommenen Körpergewicht, {age} Tage alt: älter als {limit} Tage</translation>
    </message>
    <message>
        <source>rests on a body mass carried forward from {date}</source>
        <translation>beruht auf einem vom {date} übernommenen Körpergewicht</translation>
    </message>
    <message>
        <source>body mass: whether it was weighed at this visit was not recorded</source>
        <translation>Körpergewicht: ob bei dieser Untersuchung gewogen wurde, ist nicht erfasst</translation>
    </message>
    <message>
        <source>SD is negative ({sd_value:g}): it must be zero or more</source>
        <translation>SD ist negativ ({sd_value:g}): Sie muss null oder größer sein</translation>
    </message>
    <message>
        <source>ICC {icc_value:g} is outside 0–1</source>
        <translation>ICC {icc_value:g} liegt außerhalb von 0–1</translation>
    </message>
    <message>
        <source>SEM is negative ({value:g}): it must be zero or more</source>
        <translation>SEM ist negativ ({value:g}): Er muss null oder größer sein</translation>
    </message>
    <message>
        <source>no between-session MDC published for this test: enter the clinic&apos;s own test–retest SD and ICC</source>
        <translation>für diesen Test ist keine MDC zwischen Sitzungen veröffentlicht: Geben Sie die eigene Test-Retest-SD und den ICC der Praxis ein</translation>
    </message>
    <message>
        <source>Leijendekkers 2017 (PLOS ONE 12:e0179887, PMC5481015) is not used: its SDC 10.9–12.9 Nm is within-session test–retest (and 19.2–21.2 Nm inter-rater), supine, belt-fixed make test, 22 cm lever, people with a lower-limb amputation</source>
        <translation>Leijendekkers 2017 (PLOS ONE 12:e0179887, PMC5481015) wird nicht verwendet: Deren SDC von 10,9–12,9 Nm ist Test-Retest innerhalb einer Sitzung (und 19,2–21,2 Nm zwischen Untersuchern), Rückenlage, Make-Test mit Gurtfixierung, Hebel 22 cm, Menschen mit Amputation der unteren Extremität</translation>
    </message>
    <message>
        <source>Keep 2016 (Physiother Can 68(1):15–22, PMC4961312) is not used: its MDC 14.8 Nm comes from a cross-sectional study of 20 healthy adults tested in one session, so it holds no day-to-day error</source>
        <translation>Keep 2016 (Physiother Can 68(1):15–22, PMC4961312) wird nicht verwendet: Deren MDC von 14,8 Nm stammt aus einer Querschnittstudie mit 20 gesunden Erwachsenen, getestet in einer Sitzung, und enthält daher keinen Fehler von Tag zu Tag</translation>
    </message>
    <message>
        <source>Thorborg 2010 (Scand J Med Sci Sports 20:493–501) tested one week apart but reports relative variation (3–12 %) in 9 active adults, not an MDC in N or Nm</source>
        <translation>Thorborg 2010 (Scand J Med Sci Sports 20:493–501) testete im Abstand einer Woche, berichtet aber eine relative Streuung (3–12 %) bei 9 aktiven Erwachsenen, keine MDC in N oder Nm</translation>
    </message>
    <message>
        <source>Krause 2014 (J Sport Rehabil 23:56–64) reports ICCs only, no SD or MDC</source>
        <translation>Krause 2014 (J Sport Rehabil 23:56–64) berichtet nur ICCs, keine SD oder MDC</translation>
    </message>
    <message>
        <source>no between-session MDC known for this test: enter the clinic&apos;s SD and ICC</source>
        <translation>keine MDC zwischen Sitzungen für diesen Test bekannt: SD und ICC der Praxis eingeben</translation>
    </message>
    <message>
        <source>MDC is negative ({limit:g})</source>
        <translation>MDC ist negativ ({limit:g})</translation>
    </message>
    <message>
        <source>Left torque</source>
        <translation>Drehmoment links</translation>
    </message>
    <message>
        <source>Right torque</source>
        <translation>Drehmoment rechts</translation>
    </message>
    <message>
        <source>Left Nm/kg</source>
        <translation>Nm/kg links</translation>
    </message>
    <message>
        <source>Right Nm/kg</source>
        <translation>Nm/kg rechts</translation>
    </message>
    <message>
        <source>Left N/kg</source>
        <translation>N/kg links</translation>
    </message>
    <message>
        <source>Right N/kg</source>
        <translation>N/kg rechts</translation>
    </message>
    <message>
        <source>Asymmetry (by torque)</source>
        <translation>Asymmetrie (nach Drehmoment)</translation>
    </message>
    <message>
        <source>LSI (by torque)</source>
        <translation>LSI (nach Drehmoment)</translation>
    </message>
    <message>
        <source>Left norm comparison</source>
        <translation>Normvergleich links</translation>
    </message>
    <message>
        <source>Right norm comparison</source>
        <translation>Normvergleich rechts</translation>
    </message>
    <message>
        <source>Left change vs previous</source>
        <translation>Veränderung links zur vorigen Untersuchung</translation>
    </message>
    <message>
        <source>Right change vs previous</source>
        <translation>Veränderung rechts zur vorigen Untersuchung</translation>
    </message>
    <message>
        <source>Left change vs baseline</source>
        <translation>Veränderung links zum Ausgangswert</translation>
    </message>
    <message>
        <source>Right change vs baseline</source>
        <translation>Veränderung rechts zum Ausgangswert</translation>
    </message>
    <message>
        <source>{source} — older than the clinic&apos;s limit: weigh the patient</source>
        <translation>{source} — älter als die Grenze der Praxis: bitte den Patienten wiegen</translation>
    </message>
    <message>
        <source>No accepted {side} trials</source>
        <translation>Keine angenommenen Versuche {side}</translation>
    </message>
    <message>
        <source>clinic: SD {sd:g} {unit}, ICC {icc:g}</source>
        <translation>Praxis: SD {sd:g} {unit}, ICC {icc:g}</translation>
    </message>
    <message>
        <source>lever arm missing: the MDC for this position is in N·m</source>
        <translation>Hebelarm fehlt: Die MDC für diese Position ist in N·m angegeben</translation>
    </message>
    <message>
        <source>{source}; converted to N·m with the lever arm of this visit ({lever:g} m)</source>
        <translation>{source}; mit dem Hebelarm dieser Untersuchung ({lever:g} m) in N·m umgerechnet</translation>
    </message>
    <message>
        <source>lever arm {before:g} m then {after:g} m: judged on torque</source>
        <translation>Hebelarm erst {before:g} m, dann {after:g} m: nach Drehmoment beurteilt</translation>
    </message>
    <message>
        <source>norm tables not loaded</source>
        <translation>Normtabellen nicht geladen</translation>
    </message>
    <message>
        <source>Body mass is missing for {date}: N/kg and Nm/kg are not computed</source>
        <translation>Körpergewicht fehlt für den {date}: N/kg und Nm/kg werden nicht berechnet</translation>
    </message>
    <message>
        <source>Lever arm missing on the {side} side: torque and Nm/kg are not computed</source>
        <translation>Hebelarm {side} fehlt: Drehmoment und Nm/kg werden nicht berechnet</translation>
    </message>
    <message>
        <source>The lever arms differ (left {left:g} m, right {right:g} m): asymmetry and LSI compare torque, not force</source>
        <translation>Die Hebelarme unterscheiden sich (links {left:g} m, rechts {right:g} m): Asymmetrie und LSI vergleichen Drehmoment, nicht Kraft</translation>
    </message>
    <message>
        <source>A lever arm is missing on one side: asymmetry and LSI compare force, which is fair only if the pad was at the same distance from the hip on both sides</source>
        <translation>Auf einer Seite fehlt der Hebelarm: Asymmetrie und LSI vergleichen Kraft, was nur fair ist, wenn das Polster auf beiden Seiten gleich weit von der Hüfte entfernt war</translation>
    </message>
    <message>
        <source>Involved side not set (or both): LSI is not computed</source>
        <translation>Betroffene Seite nicht angegeben (oder beide): LSI wird nicht berechnet</translation>
    </message>
    <message>
        <source>Unfinished visit: not compared with earlier visits until the battery is finished</source>
        <translation>Unvollständige Untersuchung: bis zum Abschluss der Testbatterie nicht mit früheren Untersuchungen verglichen</translation>
    </message>
    <message>
        <source>this visit</source>
        <translation>diese Untersuchung</translation>
    </message>
    <message>
        <source>a lever arm was a typical value, not measured: the change in torque is not judged against the MDC</source>
        <translation>ein Hebelarm war ein typischer Wert, nicht gemessen: Die Veränderung des Drehmoments wird nicht an der MDC beurteilt</translation>
    </message>
    <message>
        <source>Outcome score id {score_id} does not exist</source>
        <translation>Score-ID {score_id} existiert nicht</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Ausgangswert</translation>
    </message>
    <message>
        <source>{sign}{size:g} point</source>
        <translation>{sign}{size:g} Punkt</translation>
    </message>
    <message>
        <source>{sign}{size:g} points</source>
        <translation>{sign}{size:g} Punkte</translation>
    </message>
    <message>
        <source>{points} ({pct:.0f} % better)</source>
        <translation>{points} ({pct:.0f} % besser)</translation>
    </message>
    <message>
        <source>{points} ({pct:.0f} % worse)</source>
        <translation>{points} ({pct:.0f} % schlechter)</translation>
    </message>
    <message>
        <source>{change}  ✔ MCIC reached</source>
        <translation>{change}  ✔ MCIC erreicht</translation>
    </message>
    <message>
        <source>{change}  ▼ worse</source>
        <translation>{change}  ▼ schlechter</translation>
    </message>
    <message>
        <source>{change}  · below MCIC</source>
        <translation>{change}  · unter MCIC</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>linke Seite</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>rechte Seite</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>jede Seite</translation>
    </message>
    <message>
        <source>both legs together</source>
        <translation>beide Beine zugleich</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>gelb</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blau</translation>
    </message>
    <message>
        <source>black</source>
        <translation>schwarz</translation>
    </message>
    <message>
        <source>{level} band</source>
        <translation>Band {level}</translation>
    </message>
    <message>
        <source>band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>ankle weight</source>
        <translation>Gewichtsmanschette</translation>
    </message>
    <message>
        <source>ankle weight {kg:.1f} kg</source>
        <translation>Gewichtsmanschette {kg:.1f} kg</translation>
    </message>
    <message>
        <source>no added resistance</source>
        <translation>ohne Zusatzwiderstand</translation>
    </message>
    <message>
        <source>hold {seconds:g} s</source>
        <translation>{seconds:g} s halten</translation>
    </message>
    <message>
        <source>{n}×/week</source>
        <translation>{n}×/Woche</translation>
    </message>
    <message>
        <source>Sets must be 1–20 (got {n})</source>
        <translation>Sätze müssen 1–20 sein (eingegeben: {n})</translation>
    </message>
    <message>
        <source>Repetitions must be 1–200 (got {n})</source>
        <translation>Wiederholungen müssen 1–200 sein (eingegeben: {n})</translation>
    </message>
    <message>
        <source>Hold must be 0–600 s (got {n:g})</source>
        <translation>Halten muss 0–600 s sein (eingegeben: {n:g})</translation>
    </message>
    <message>
        <source>Sessions per week must be 1–14 (got {n})</source>
        <translation>Einheiten pro Woche müssen 1–14 sein (eingegeben: {n})</translation>
    </message>
    <message>
        <source>An ankle weight needs a mass between 0 and 25 kg</source>
        <translation>Eine Gewichtsmanschette braucht ein Gewicht zwischen 0 und 25 kg</translation>
    </message>
    <message>
        <source>A band needs a level or colour</source>
        <translation>Ein Band braucht eine Stärke oder Farbe</translation>
    </message>
    <message>
        <source>add ankle weight once the target repetitions are reached</source>
        <translation>Gewichtsmanschette erhöhen, sobald die Zielwiederholungen erreicht sind</translation>
    </message>
    <message>
        <source>move to the next band once the target repetitions are reached</source>
        <translation>zum nächsten Band wechseln, sobald die Zielwiederholungen erreicht sind</translation>
    </message>
    <message>
        <source>lengthen the hold once the target repetitions are reached</source>
        <translation>Haltedauer verlängern, sobald die Zielwiederholungen erreicht sind</translation>
    </message>
    <message>
        <source>work up through a range of repetitions, then a harder variant</source>
        <translation>Wiederholungen schrittweise steigern, dann eine schwierigere Variante</translation>
    </message>
    <message>
        <source>the last session</source>
        <translation>der letzten Einheit</translation>
    </message>
    <message>
        <source>each of the last {n} sessions</source>
        <translation>jeder der letzten {n} Einheiten</translation>
    </message>
    <message>
        <source>{target} repetitions done well in {sessions}: increase to {new} repetitions (range {lo}–{hi}).</source>
        <translation>{target} Wiederholungen gut ausgeführt in {sessions}: auf {new} Wiederholungen steigern (Bereich {lo}–{hi}).</translation>
    </message>
    <message>
        <source>a harder variant</source>
        <translation>eine schwierigere Variante</translation>
    </message>
    <message>
        <source>{hi} repetitions done well in {sessions}: top of the range; progress: {harder}.</source>
        <translation>{hi} Wiederholungen gut ausgeführt in {sessions}: oberes Ende des Bereichs; Progression: {harder}.</translation>
    </message>
    <message>
        <source>{target} good repetitions in {sessions}</source>
        <translation>{target} gute Wiederholungen in {sessions}</translation>
    </message>
    <message>
        <source>{reached}: add {add:g} kg ankle weight (from {current:.1f} kg to {new:.1f} kg).</source>
        <translation>{reached}: Gewichtsmanschette um {add:g} kg erhöhen (von {current:.1f} kg auf {new:.1f} kg).</translation>
    </message>
    <message>
        <source>{reached}: add {add:g} kg ankle weight.</source>
        <translation>{reached}: Gewichtsmanschette mit {add:g} kg hinzufügen.</translation>
    </message>
    <message>
        <source>{reached} with the strongest band ({band}): consider a harder exercise.</source>
        <translation>{reached} mit dem stärksten Band ({band}): eine schwierigere Übung erwägen.</translation>
    </message>
    <message>
        <source>{reached}: move to the {band} band.</source>
        <translation>{reached}: zum Band {band} wechseln.</translation>
    </message>
    <message>
        <source>{reached}: hold the top position {new:g} s (was {old:g} s).</source>
        <translation>{reached}: Endstellung {new:g} s halten (bisher {old:g} s).</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>{field} fehlt</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is not a real date in the form YYYY-MM-DD</source>
        <translation>{field} „{text}“ ist kein gültiges Datum im Format JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Date of birth is missing</source>
        <translation>Geburtsdatum fehlt</translation>
    </message>
    <message>
        <source>Date of birth {date} is in the future</source>
        <translation>Geburtsdatum {date} liegt in der Zukunft</translation>
    </message>
    <message>
        <source>Date of birth {date} would make the patient older than {age}</source>
        <translation>Mit dem Geburtsdatum {date} wäre der Patient älter als {age}</translation>
    </message>
    <message>
        <source>Body mass {mass:g} kg is outside the plausible range {low:g}–{high:g} kg</source>
        <translation>Körpergewicht {mass:g} kg liegt außerhalb des plausiblen Bereichs {low:g}–{high:g} kg</translation>
    </message>
    <message>
        <source>Height {height:g} m is outside the plausible range {low:g}–{high:g} m (enter metres, e.g. {example:g})</source>
        <translation>Körpergröße {height:g} m liegt außerhalb des plausiblen Bereichs {low:g}–{high:g} m (in Metern eingeben, z. B. {example:g})</translation>
    </message>
    <message>
        <source>Chart number is missing</source>
        <translation>Patientennummer fehlt</translation>
    </message>
    <message>
        <source>Chart number is longer than 40 characters</source>
        <translation>Patientennummer ist länger als 40 Zeichen</translation>
    </message>
    <message>
        <source>Last name is missing</source>
        <translation>Nachname fehlt</translation>
    </message>
    <message>
        <source>First name is missing</source>
        <translation>Vorname fehlt</translation>
    </message>
    <message>
        <source>Sex must be one of {sexes}, or left unrecorded</source>
        <translation>Geschlecht muss eines von {sexes} sein oder leer bleiben</translation>
    </message>
    <message>
        <source>Dominant leg must be left or right</source>
        <translation>Dominantes Bein muss links oder rechts sein</translation>
    </message>
    <message>
        <source>Involved side must be left, right or both</source>
        <translation>Betroffene Seite muss links, rechts oder beide sein</translation>
    </message>
    <message>
        <source>not computable: the numbers overflowed</source>
        <translation>nicht berechenbar: Zahlenüberlauf</translation>
    </message>
    <message>
        <source>no offset: force had not returned to rest by the end of the trace</source>
        <translation>kein Ende: Die Kraft war am Ende der Aufzeichnung nicht zum Ruhewert zurückgekehrt</translation>
    </message>
    <message>
        <source>no onset: the force was already changing when the recording started (no quiet rest)</source>
        <translation>kein Kraftbeginn: Die Kraft änderte sich schon zu Beginn der Aufzeichnung (keine ruhige Ausgangslage)</translation>
    </message>
    <message>
        <source>no onset: the force never rose {threshold:g} N above rest for {ms:.0f} ms</source>
        <translation>kein Kraftbeginn: Die Kraft lag nie {ms:.0f} ms lang {threshold:g} N über dem Ruhewert</translation>
    </message>
    <message>
        <source>sample rate {rate:.0f} Hz too low: RFD 0–{ms:.0f} ms needs {needed:.0f} Hz or more</source>
        <translation>Abtastrate {rate:.0f} Hz zu niedrig: RFD 0–{ms:.0f} ms braucht mindestens {needed:.0f} Hz</translation>
    </message>
    <message>
        <source>onset + {ms:.0f} ms lies past the end of the contraction</source>
        <translation>Kraftbeginn + {ms:.0f} ms liegt nach dem Ende der Kontraktion</translation>
    </message>
    <message>
        <source>onset + {ms:.0f} ms lies past the end of the trace</source>
        <translation>Kraftbeginn + {ms:.0f} ms liegt nach dem Ende der Aufzeichnung</translation>
    </message>
    <message>
        <source>unreliable: overload between onset and onset + {ms:.0f} ms</source>
        <translation>unzuverlässig: Überlast zwischen Kraftbeginn und Kraftbeginn + {ms:.0f} ms</translation>
    </message>
    <message>
        <source>rest read {level:.1f} N: the gauge&apos;s zero is far off; tare it with no contact</source>
        <translation>Ruhewert {level:.1f} N: Der Nullpunkt des Messgeräts liegt weit daneben; ohne Kontakt tarieren</translation>
    </message>
    <message>
        <source>rest read {level:.1f} N (the gauge was zeroed under load): forces counted from rest</source>
        <translation>Ruhewert {level:.1f} N (Messgerät unter Last genullt): Kräfte ab dem Ruhewert gezählt</translation>
    </message>
    <message>
        <source>started under {level:.0f} N load</source>
        <translation>unter {level:.0f} N Last begonnen</translation>
    </message>
    <message>
        <source>no quiet rest before the contraction</source>
        <translation>keine ruhige Ausgangslage vor der Kontraktion</translation>
    </message>
    <message>
        <source>no time base</source>
        <translation>keine Zeitbasis</translation>
    </message>
    <message>
        <source>sample rate {rate:.1f} Hz too low for force–time metrics (needs {needed:g} Hz)</source>
        <translation>Abtastrate {rate:.1f} Hz zu niedrig für Kraft-Zeit-Werte (braucht {needed:g} Hz)</translation>
    </message>
    <message>
        <source>no onset</source>
        <translation>kein Kraftbeginn</translation>
    </message>
    <message>
        <source>started under {level:.0f} N load: rate and time need a contraction from rest</source>
        <translation>unter {level:.0f} N Last begonnen: Anstiegsrate und Zeiten brauchen eine Kontraktion aus der Ruhe</translation>
    </message>
    <message>
        <source>unreliable: overload (the peak time is unknown)</source>
        <translation>unzuverlässig: Überlast (Zeitpunkt des Spitzenwerts unbekannt)</translation>
    </message>
    <message>
        <source>unreliable: overload during the contraction</source>
        <translation>unzuverlässig: Überlast während der Kontraktion</translation>
    </message>
    <message>
        <source>unreliable: overload (the force reached the device&apos;s capacity)</source>
        <translation>unzuverlässig: Überlast (die Kraft erreichte die Kapazität des Geräts)</translation>
    </message>
    <message>
        <source>the force went the other way (a pull of {pull:.0f} N, not a push): check how the gauge is mounted</source>
        <translation>die Kraft wirkte in Gegenrichtung (ein Zug von {pull:.0f} N, kein Druck): Prüfen Sie, wie das Messgerät montiert ist</translation>
    </message>
    <message>
        <source>no contraction: the force never rose {threshold:g} N above rest</source>
        <translation>keine Kontraktion: Die Kraft stieg nie {threshold:g} N über den Ruhewert</translation>
    </message>
    <message>
        <source>no push: the force stayed at or below zero (down to {low:.0f} N)</source>
        <translation>kein Druck: Die Kraft blieb bei oder unter null (bis {low:.0f} N)</translation>
    </message>
    <message>
        <source>the host clock suggests {estimated:.0f} Hz, not the device&apos;s declared {declared:g} Hz (lost samples?); the declared rate was used</source>
        <translation>die Rechneruhr ergibt {estimated:.0f} Hz, nicht die vom Gerät angegebenen {declared:g} Hz (verlorene Messwerte?); die angegebene Rate wurde verwendet</translation>
    </message>
    <message>
        <source>no time base: the device declared no sample rate and the samples carry no times</source>
        <translation>keine Zeitbasis: Das Gerät gab keine Abtastrate an, und die Messwerte tragen keine Zeiten</translation>
    </message>
    <message>
        <source>no time base: the samples&apos; host times span no usable interval and the device declared no sample rate</source>
        <translation>keine Zeitbasis: Die Rechnerzeiten der Messwerte umfassen kein brauchbares Intervall, und das Gerät gab keine Abtastrate an</translation>
    </message>
    <message>
        <source>samples arrived in bursts; placed on a uniform {rate:.0f} Hz clock estimated over the trial</source>
        <translation>Messwerte kamen stoßweise; auf einen gleichmäßigen, über den Versuch geschätzten Takt von {rate:.0f} Hz gelegt</translation>
    </message>
    <message>
        <source>{protocol} on {port}</source>
        <translation>{protocol} an {port}</translation>
    </message>
    <message>
        <source>Unexpected device error (details in the log); reopening the port…</source>
        <translation>Unerwarteter Gerätefehler (Einzelheiten im Protokoll); der Port wird neu geöffnet…</translation>
    </message>
    <message>
        <source>Device closed</source>
        <translation>Gerät geschlossen</translation>
    </message>
    <message>
        <source>Connecting to {device}…</source>
        <translation>Verbindung mit {device}…</translation>
    </message>
    <message>
        <source>Device not available: {problem}. Retrying…</source>
        <translation>Gerät nicht verfügbar: {problem}. Neuer Versuch…</translation>
    </message>
    <message>
        <source>{device}: waiting for readings…</source>
        <translation>{device}: warte auf Messwerte…</translation>
    </message>
    <message>
        <source>{device}: reconnected, waiting for readings…</source>
        <translation>{device}: wieder verbunden, warte auf Messwerte…</translation>
    </message>
    <message>
        <source>Device disconnected. Samples recorded so far are kept; reconnecting by itself…</source>
        <translation>Gerät getrennt. Die bisher aufgezeichneten Messwerte bleiben erhalten; die Verbindung wird von selbst wiederhergestellt…</translation>
    </message>
    <message>
        <source>{device}: receiving</source>
        <translation>{device}: empfängt</translation>
    </message>
    <message>
        <source>{device}: receiving; 1 implausible reading ignored (not a number, or beyond {limit}, {limit_n:.0f} N)</source>
        <translation>{device}: empfängt; 1 unplausibler Messwert ignoriert (keine Zahl oder über {limit}, {limit_n:.0f} N)</translation>
    </message>
    <message>
        <source>{device}: receiving; {invalid} implausible readings ignored (not a number, or beyond {limit}, {limit_n:.0f} N)</source>
        <translation>{device}: empfängt; {invalid} unplausible Messwerte ignoriert (keine Zahl oder über {limit}, {limit_n:.0f} N)</translation>
    </message>
    <message>
        <source>No readings from {port} at {baud} baud for protocol {protocol}: check that the gauge is on and shows its main screen, and the baud rate and protocol.</source>
        <translation>Keine Messwerte von {port} mit {baud} Baud für Protokoll {protocol}: Prüfen Sie, ob das Messgerät eingeschaltet ist und seine Hauptanzeige zeigt, sowie Baudrate und Protokoll.</translation>
    </message>
    <message>
        <source>No readings from {port} for protocol {protocol}: check that the gauge is on and shows its main screen, and the baud rate and protocol.</source>
        <translation>Keine Messwerte von {port} für Protokoll {protocol}: Prüfen Sie, ob das Messgerät eingeschaltet ist und seine Hauptanzeige zeigt, sowie Baudrate und Protokoll.</translation>
    </message>
    <message>
        <source>No dynamometer connected</source>
        <translation>Kein Dynamometer verbunden</translation>
    </message>
    <message>
        <source>cannot open {port}: {detail}</source>
        <translation>{port} lässt sich nicht öffnen: {detail}</translation>
    </message>
    <message>
        <source>the gauge&apos;s {capacity:.0f} N capacity + 10 %</source>
        <translation>der Kapazität des Messgeräts von {capacity:.0f} N + 10 %</translation>
    </message>
    <message>
        <source>the set limit</source>
        <translation>der eingestellten Grenze</translation>
    </message>
    <message>
        <source>the default limit</source>
        <translation>der Standardgrenze</translation>
    </message>
    <message>
        <source>cannot reconnect {port}: the driver was given an open port</source>
        <translation>{port} lässt sich nicht neu verbinden: Der Treiber erhielt einen bereits geöffneten Port</translation>
    </message>
    <message>
        <source>the reply is not in this protocol</source>
        <translation>die Antwort entspricht nicht diesem Protokoll</translation>
    </message>
    <message>
        <source>no line matches the pattern</source>
        <translation>keine Zeile passt zum Muster</translation>
    </message>
    <message>
        <source>unknown protocol {protocol!r}: use one of {known}</source>
        <translation>unbekanntes Protokoll {protocol!r}: Verwenden Sie eines von {known}</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database URL (expected sqlite:///FILE or postgresql://…)</source>
        <translation>„{url}“ ist keine Datenbank-URL (erwartet: sqlite:///DATEI oder postgresql://…)</translation>
    </message>
    <message>
        <source>hiptrack supports SQLite and PostgreSQL, not &apos;{backend}&apos;</source>
        <translation>hiptrack unterstützt SQLite und PostgreSQL, nicht „{backend}“</translation>
    </message>
    <message>
        <source>SQLite file {path}</source>
        <translation>SQLite-Datei {path}</translation>
    </message>
    <message>
        <source>PostgreSQL database &apos;{name}&apos; on {host}:{port}</source>
        <translation>PostgreSQL-Datenbank „{name}“ auf {host}:{port}</translation>
    </message>
    <message>
        <source>The data folder {folder} is not writable ({value}). hiptrack needs to write there to keep the database and its backups. Ask your administrator for write access, or start hiptrack with --database pointing at a writable location.</source>
        <translation>Der Datenordner {folder} ist nicht beschreibbar ({value}). hiptrack muss dort schreiben, um die Datenbank und ihre Sicherungen zu halten. Bitten Sie Ihren Administrator um Schreibrechte oder starten Sie hiptrack mit --database an einem beschreibbaren Ort.</translation>
    </message>
    <message>
        <source>The database file {path} is read-only. hiptrack needs to write to it.</source>
        <translation>Die Datenbankdatei {path} ist schreibgeschützt. hiptrack muss in sie schreiben.</translation>
    </message>
    <message>
        <source>The {where} is damaged or is not a hiptrack database ({message}). It has not been changed. Restore the latest backup (hiptrack db info shows where backups are kept).</source>
        <translation>Die Datenbank ({where}) ist beschädigt oder keine hiptrack-Datenbank ({message}). Sie wurde nicht verändert. Spielen Sie die neueste Sicherung zurück (hiptrack db info zeigt, wo die Sicherungen liegen).</translation>
    </message>
    <message>
        <source>Clinical records are never deleted, not even by direct SQL; archive or void them instead.</source>
        <translation>Klinische Daten werden nie gelöscht, auch nicht per direktem SQL; archivieren oder stornieren Sie sie stattdessen.</translation>
    </message>
    <message>
        <source>Audit events are append-only: the database refused to change or delete one.</source>
        <translation>Audit-Ereignisse können nur angefügt werden: Die Datenbank hat das Ändern oder Löschen eines Ereignisses verweigert.</translation>
    </message>
    <message>
        <source>The {where} is locked by another program. Close other hiptrack windows or programs using it, then try again.</source>
        <translation>Die Datenbank ({where}) ist von einem anderen Programm gesperrt. Schließen Sie andere hiptrack-Fenster oder Programme, die sie nutzen, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk holding the {where} is full ({message}). Free some space, then try again.</source>
        <translation>Das Laufwerk der Datenbank ({where}) ist voll ({message}). Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The {where} refused the change because it breaks one of its rules ({message}). Nothing was saved; if another workstation saved the same record at the same moment, try again.</source>
        <translation>Die Datenbank ({where}) hat die Änderung abgelehnt, weil sie gegen eine ihrer Regeln verstößt ({message}). Nichts wurde gespeichert; hat ein anderer Arbeitsplatz denselben Datensatz gleichzeitig gespeichert, versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The {where} refused a value ({message}). Nothing was saved.</source>
        <translation>Die Datenbank ({where}) hat einen Wert abgelehnt ({message}). Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The {where} cannot be written ({message}).</source>
        <translation>In die Datenbank ({where}) kann nicht geschrieben werden ({message}).</translation>
    </message>
    <message>
        <source>The {where} cannot be opened ({message}). Check the folder&apos;s permissions.</source>
        <translation>Die Datenbank ({where}) lässt sich nicht öffnen ({message}). Prüfen Sie die Berechtigungen des Ordners.</translation>
    </message>
    <message>
        <source>Cannot reach the {where}: {message}. Check that the server is running and the URL is right.</source>
        <translation>Die Datenbank ({where}) ist nicht erreichbar: {message}. Prüfen Sie, ob der Server läuft und die URL stimmt.</translation>
    </message>
    <message>
        <source>This record was changed on another workstation while you were editing it. Reopen it and apply your change again.</source>
        <translation>Dieser Datensatz wurde während Ihrer Bearbeitung an einem anderen Arbeitsplatz geändert. Öffnen Sie ihn erneut und nehmen Sie Ihre Änderung noch einmal vor.</translation>
    </message>
    <message>
        <source>Database error on the {where}: {message}</source>
        <translation>Datenbankfehler ({where}): {message}</translation>
    </message>
    <message>
        <source>Lever arm is missing: torque cannot be computed without it</source>
        <translation>Hebelarm fehlt: Ohne ihn lässt sich kein Drehmoment berechnen</translation>
    </message>
    <message>
        <source>Lever arm {lever:g} m is outside {low:g}–{high:g} m: enter it in metres (e.g. {example:g} for 35 cm)</source>
        <translation>Hebelarm {lever:g} m liegt außerhalb von {low:g}–{high:g} m: in Metern eingeben (z. B. {example:g} für 35 cm)</translation>
    </message>
    <message>
        <source>Body mass is missing: {what} cannot be computed</source>
        <translation>Körpergewicht fehlt: {what} lässt sich nicht berechnen</translation>
    </message>
    <message>
        <source>Body mass is missing for {date}: {what} cannot be computed</source>
        <translation>Körpergewicht fehlt für den {date}: {what} lässt sich nicht berechnen</translation>
    </message>
    <message>
        <source>Body mass is {mass:g} kg: it must be above zero for {what}</source>
        <translation>Körpergewicht ist {mass:g} kg: Für {what} muss es über null liegen</translation>
    </message>
    <message>
        <source>Body mass for {date} is {mass:g} kg: it must be above zero for {what}</source>
        <translation>Körpergewicht am {date} ist {mass:g} kg: Für {what} muss es über null liegen</translation>
    </message>
    <message>
        <source>The {side} {muscle} trials vary by CV {cv:.1f} %, above the {limit:g} % limit. Record another trial?</source>
        <translation>Die Versuche {muscle} {side} streuen mit CV {cv:.1f} %, über der Grenze von {limit:g} %. Einen weiteren Versuch aufzeichnen?</translation>
    </message>
    <message>
        <source>gluteus medius</source>
        <translation>Gluteus medius</translation>
    </message>
    <message>
        <source>gluteus maximus</source>
        <translation>Gluteus maximus</translation>
    </message>
    <message>
        <source>no trace (typed in)</source>
        <translation>keine Kurve (eingegeben)</translation>
    </message>
    <message>
        <source>no trace (imported)</source>
        <translation>keine Kurve (importiert)</translation>
    </message>
    <message>
        <source>no trace stored</source>
        <translation>keine Kurve gespeichert</translation>
    </message>
    <message>
        <source>trace unreadable ({problem})</source>
        <translation>Kurve nicht lesbar ({problem})</translation>
    </message>
    <message>
        <source>trace not analysable: {problem}</source>
        <translation>Kurve nicht auswertbar: {problem}</translation>
    </message>
    <message>
        <source>not aligned: {why}</source>
        <translation>nicht ausgerichtet: {why}</translation>
    </message>
    <message>
        <source>device disconnected: {port} ({detail})</source>
        <translation>Gerät getrennt: {port} ({detail})</translation>
    </message>
    <message>
        <source>device disconnected: {port}</source>
        <translation>Gerät getrennt: {port}</translation>
    </message>
    <message>
        <source>no reply from {port} at {baud} baud for {seconds:.1f} s (protocol {protocol}): wrong baud rate or protocol, gauge switched off or showing a menu?</source>
        <translation>keine Antwort von {port} mit {baud} Baud seit {seconds:.1f} s (Protokoll {protocol}): falsche Baudrate oder falsches Protokoll, Messgerät ausgeschaltet oder im Menü?</translation>
    </message>
    <message>
        <source>no reply from {port} for {seconds:.1f} s (protocol {protocol}): wrong baud rate or protocol, gauge switched off or showing a menu?</source>
        <translation>keine Antwort von {port} seit {seconds:.1f} s (Protokoll {protocol}): falsche Baudrate oder falsches Protokoll, Messgerät ausgeschaltet oder im Menü?</translation>
    </message>
    <message>
        <source>no valid data from {port} at {baud} baud for protocol {protocol} — check the baud rate and protocol</source>
        <translation>keine gültigen Daten von {port} mit {baud} Baud für Protokoll {protocol} — prüfen Sie Baudrate und Protokoll</translation>
    </message>
    <message>
        <source>no valid data from {port} at {baud} baud for protocol {protocol} — check the baud rate and protocol ({detail})</source>
        <translation>keine gültigen Daten von {port} mit {baud} Baud für Protokoll {protocol} — prüfen Sie Baudrate und Protokoll ({detail})</translation>
    </message>
    <message>
        <source>no valid data from {port} for protocol {protocol} — check the baud rate and protocol</source>
        <translation>keine gültigen Daten von {port} für Protokoll {protocol} — prüfen Sie Baudrate und Protokoll</translation>
    </message>
    <message>
        <source>no valid data from {port} for protocol {protocol} — check the baud rate and protocol ({detail})</source>
        <translation>keine gültigen Daten von {port} für Protokoll {protocol} — prüfen Sie Baudrate und Protokoll ({detail})</translation>
    </message>
    <message>
        <source>Chart number {chart} is already used by another patient</source>
        <translation>Die Patientennummer {chart} ist bereits an einen anderen Patienten vergeben</translation>
    </message>
    <message>
        <source>Chart number {chart} is already used by another patient (as {stored})</source>
        <translation>Die Patientennummer {chart} ist bereits an einen anderen Patienten vergeben (als {stored})</translation>
    </message>
    <message>
        <source>This patient was changed on another workstation since you opened it. Reopen and edit again.</source>
        <translation>Dieser Patient wurde seit dem Öffnen an einem anderen Arbeitsplatz geändert. Öffnen Sie ihn erneut und bearbeiten Sie ihn dann.</translation>
    </message>
    <message>
        <source>Patient id {id} does not exist</source>
        <translation>Patienten-ID {id} existiert nicht</translation>
    </message>
    <message>
        <source>no patient with chart number {chart}</source>
        <translation>kein Patient mit der Patientennummer {chart}</translation>
    </message>
    <message>
        <source>The battery is complete: there is no trial to type a peak in for</source>
        <translation>Die Testbatterie ist vollständig: Es gibt keinen Versuch, für den ein Spitzenwert eingegeben werden kann</translation>
    </message>
    <message>
        <source>Trial awaiting a decision: accept or reject it before typing in a peak</source>
        <translation>Ein Versuch wartet auf eine Entscheidung: Nehmen Sie ihn an oder verwerfen Sie ihn, bevor Sie einen Spitzenwert eingeben</translation>
    </message>
    <message>
        <source>A typed-in peak must be above 0 (got {value:g} {unit})</source>
        <translation>Ein eingegebener Spitzenwert muss über 0 liegen (eingegeben: {value:g} {unit})</translation>
    </message>
    <message>
        <source>A trial is awaiting the clinician&apos;s decision: accept or reject it before finishing</source>
        <translation>Ein Versuch wartet auf die Entscheidung des Therapeuten: Nehmen Sie ihn an oder verwerfen Sie ihn vor dem Abschluss</translation>
    </message>
    <message>
        <source>The user name must be letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;</source>
        <translation>Der Benutzername darf nur Buchstaben, Ziffern, „.“, „-“ oder „_“ enthalten</translation>
    </message>
    <message>
        <source>The display name is missing</source>
        <translation>Der Anzeigename fehlt</translation>
    </message>
    <message>
        <source>The role must be one of {ROLES}</source>
        <translation>Die Rolle muss eine von {ROLES} sein</translation>
    </message>
    <message>
        <source>The clinic&apos;s first account must be an admin, so that someone can manage the others</source>
        <translation>Das erste Konto der Praxis muss ein Administrator sein, damit jemand die anderen verwalten kann</translation>
    </message>
    <message>
        <source>The user name {username} is already taken</source>
        <translation>Der Benutzername {username} ist bereits vergeben</translation>
    </message>
    <message>
        <source>Backup file {out} already exists; choose another name.</source>
        <translation>Die Sicherungsdatei {out} gibt es bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The backup of {name} failed its check ({problem}) and was discarded. The database itself may be damaged; no existing backup was replaced.{hint}</source>
        <translation>Die Sicherung von {name} hat die Prüfung nicht bestanden ({problem}) und wurde verworfen. Die Datenbank selbst ist möglicherweise beschädigt; keine vorhandene Sicherung wurde ersetzt.{hint}</translation>
    </message>
    <message>
        <source>The SQLite file {source} is damaged ({exc}); it was not backed up over the existing backups.{hint}</source>
        <translation>Die SQLite-Datei {source} ist beschädigt ({exc}); sie wurde nicht über die vorhandenen Sicherungen gesichert.{hint}</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: {problem}. The database was not changed.</source>
        <translation>{backup} kann nicht zurückgespielt werden: {problem}. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{what}: the copy failed its check ({problem}). The database was not changed.</source>
        <translation>{what}: Die Kopie hat die Prüfung nicht bestanden ({problem}). Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>User name is missing</source>
        <translation>Benutzername fehlt</translation>
    </message>
    <message>
        <source>Display name is missing</source>
        <translation>Anzeigename fehlt</translation>
    </message>
    <message>
        <source>User name {username} is already taken</source>
        <translation>Benutzername {username} ist bereits vergeben</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte 0x{data:02x} on line {line}). Save it as &quot;CSV UTF-8&quot; in your spreadsheet program and import it again.</source>
        <translation>{name} ist kein UTF-8-Text (Byte 0x{data:02x} in Zeile {line}). Speichern Sie die Datei in Ihrer Tabellenkalkulation als „CSV UTF-8“ und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>{name} is empty; expected a header row ({REQUIRED_COLUMNS}, …)</source>
        <translation>{name} ist leer; erwartet wird eine Kopfzeile ({REQUIRED_COLUMNS}, …)</translation>
    </message>
    <message>
        <source>{name} is not valid CSV near line {line_num}: {exc}</source>
        <translation>{name} ist kein gültiges CSV bei Zeile {line_num}: {exc}</translation>
    </message>
    <message>
        <source>missing column(s) {missing}</source>
        <translation>fehlende Spalte(n) {missing}</translation>
    </message>
    <message>
        <source>unknown column(s) {values} (allowed: {COLUMNS})</source>
        <translation>unbekannte Spalte(n) {values} (erlaubt: {COLUMNS})</translation>
    </message>
    <message>
        <source>column(s) {repeated} appear more than once</source>
        <translation>Spalte(n) {repeated} kommen mehrfach vor</translation>
    </message>
    <message>
        <source>{label} &apos;{value}&apos; is not a whole number</source>
        <translation>{label} „{value}“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{label} &apos;{value}&apos; is not a number</source>
        <translation>{label} „{value}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>chart_number is empty</source>
        <translation>chart_number ist leer</translation>
    </message>
    <message>
        <source>no patient has this chart number</source>
        <translation>kein Patient hat diese Patientennummer</translation>
    </message>
    <message>
        <source>performed_on &apos;{raw_day}&apos; is not a date in the form YYYY-MM-DD</source>
        <translation>performed_on „{raw_day}“ ist kein Datum im Format JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>exercise_code is empty</source>
        <translation>exercise_code ist leer</translation>
    </message>
    <message>
        <source>exercise_code &apos;{code}&apos; is not in the catalog</source>
        <translation>exercise_code „{code}“ steht nicht im Katalog</translation>
    </message>
    <message>
        <source>side &apos;{values}&apos; is not one of left, right, both, bilateral (or L, R, B)</source>
        <translation>side „{values}“ ist keiner der Werte left, right, both, bilateral (oder L, R, B)</translation>
    </message>
    <message>
        <source>done_as_prescribed &apos;{values}&apos; is not yes or no</source>
        <translation>done_as_prescribed „{values}“ ist weder yes noch no</translation>
    </message>
    <message>
        <source>the patient has no prescription of &apos;{code}&apos; covering {day}</source>
        <translation>der Patient hat keine Verordnung von „{code}“, die den {day} umfasst</translation>
    </message>
    <message>
        <source>{source} cannot be read: {value}</source>
        <translation>{source} kann nicht gelesen werden: {value}</translation>
    </message>
    <message>
        <source>{name} has a header but no rows</source>
        <translation>{name} hat eine Kopfzeile, aber keine Zeilen</translation>
    </message>
    <message>
        <source>Exercise {exercise_id} does not exist.</source>
        <translation>Übung {exercise_id} existiert nicht.</translation>
    </message>
    <message>
        <source>{where}: code {code!r} must be lower-case letters, digits and _</source>
        <translation>{where}: Code {code!r} darf nur Kleinbuchstaben, Ziffern und _ enthalten</translation>
    </message>
    <message>
        <source>{where}: &apos;{name}&apos; needs English text ({{&quot;en&quot;: ...}})</source>
        <translation>{where}: „{name}“ braucht englischen Text ({{&quot;en&quot;: ...}})</translation>
    </message>
    <message>
        <source>{where}: dosage needs sets, reps, hold_s and sessions_per_week</source>
        <translation>{where}: dosage braucht sets, reps, hold_s und sessions_per_week</translation>
    </message>
    <message>
        <source>The exercise catalog {name} cannot be read: {exc}</source>
        <translation>Der Übungskatalog {name} kann nicht gelesen werden: {exc}</translation>
    </message>
    <message>
        <source>The exercise catalog {name} has no &apos;exercises&apos; list</source>
        <translation>Der Übungskatalog {name} hat keine Liste „exercises“</translation>
    </message>
    <message>
        <source>Exercise id {exercise_id} does not exist</source>
        <translation>Übungs-ID {exercise_id} existiert nicht</translation>
    </message>
    <message>
        <source>The exercise needs a name</source>
        <translation>Die Übung braucht einen Namen</translation>
    </message>
    <message>
        <source>The exercise name is longer than 120 characters</source>
        <translation>Der Übungsname ist länger als 120 Zeichen</translation>
    </message>
    <message>
        <source>Target muscles are longer than 200 characters</source>
        <translation>Die Zielmuskeln sind länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>An exercise called &apos;{name}&apos; already exists</source>
        <translation>Eine Übung namens „{name}“ gibt es bereits</translation>
    </message>
    <message>
        <source>This exercise was changed on another workstation since you opened it. Reopen it and apply your change again.</source>
        <translation>Diese Übung wurde seit dem Öffnen an einem anderen Arbeitsplatz geändert. Öffnen Sie sie erneut und nehmen Sie Ihre Änderung noch einmal vor.</translation>
    </message>
    <message>
        <source>End date {end_date} is before the start date {start_date}</source>
        <translation>Enddatum {end_date} liegt vor dem Beginn {start_date}</translation>
    </message>
    <message>
        <source>Patient id {patient_id} does not exist</source>
        <translation>Patienten-ID {patient_id} existiert nicht</translation>
    </message>
    <message>
        <source>Prescription id {prescription_id} does not exist</source>
        <translation>Verordnungs-ID {prescription_id} existiert nicht</translation>
    </message>
    <message>
        <source>This prescription was changed on another workstation since you opened it. Reopen it and apply your change again.</source>
        <translation>Diese Verordnung wurde seit dem Öffnen an einem anderen Arbeitsplatz geändert. Öffnen Sie sie erneut und nehmen Sie Ihre Änderung noch einmal vor.</translation>
    </message>
    <message>
        <source>This prescription was voided and can no longer be edited</source>
        <translation>Diese Verordnung wurde storniert und kann nicht mehr bearbeitet werden</translation>
    </message>
    <message>
        <source>This prescription was voided and cannot be ended</source>
        <translation>Diese Verordnung wurde storniert und kann nicht beendet werden</translation>
    </message>
    <message>
        <source>Date {performed_on} is in the future</source>
        <translation>Datum {performed_on} liegt in der Zukunft</translation>
    </message>
    <message>
        <source>The prescription was voided</source>
        <translation>Die Verordnung wurde storniert</translation>
    </message>
    <message>
        <source>Date {performed_on} is before the prescription started ({start_date})</source>
        <translation>Datum {performed_on} liegt vor dem Beginn der Verordnung ({start_date})</translation>
    </message>
    <message>
        <source>Date {performed_on} is after the prescription ended ({end_date})</source>
        <translation>Datum {performed_on} liegt nach dem Ende der Verordnung ({end_date})</translation>
    </message>
    <message>
        <source>Side must be one of {LOG_SIDES} (got &apos;{side}&apos;)</source>
        <translation>Seite muss eine von {LOG_SIDES} sein (eingegeben: „{side}“)</translation>
    </message>
    <message>
        <source>{label} done must be 0–{hi} (got {value})</source>
        <translation>Erledigte {label} müssen 0–{hi} sein (eingegeben: {value})</translation>
    </message>
    <message>
        <source>Hold must be 0–600 s (got {hold_s:g})</source>
        <translation>Halten muss 0–600 s sein (eingegeben: {hold_s:g})</translation>
    </message>
    <message>
        <source>Ankle weight must be 0–25 kg (got {resistance_kg:g})</source>
        <translation>Gewichtsmanschette muss 0–25 kg sein (eingegeben: {resistance_kg:g})</translation>
    </message>
    <message>
        <source>{label} must be 0–10 (got {value})</source>
        <translation>{label} muss 0–10 sein (eingegeben: {value})</translation>
    </message>
    <message>
        <source>Log entry id {entry_id} does not exist</source>
        <translation>Protokolleintrags-ID {entry_id} existiert nicht</translation>
    </message>
    <message>
        <source>This log entry was voided and can no longer be edited</source>
        <translation>Dieser Protokolleintrag wurde storniert und kann nicht mehr bearbeitet werden</translation>
    </message>
    <message>
        <source>This log entry was changed on another workstation since you opened it. Reopen it.</source>
        <translation>Dieser Protokolleintrag wurde seit dem Öffnen an einem anderen Arbeitsplatz geändert. Öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>There is no progression suggestion for this prescription any more. Refresh the page.</source>
        <translation>Für diese Verordnung gibt es keinen Progressionsvorschlag mehr. Aktualisieren Sie die Seite.</translation>
    </message>
    <message>
        <source>cannot write {out}: {value}</source>
        <translation>{out} kann nicht geschrieben werden: {value}</translation>
    </message>
    <message>
        <source>cannot read {path}: {value}</source>
        <translation>{path} kann nicht gelesen werden: {value}</translation>
    </message>
    <message>
        <source>{label} &apos;{text}&apos; is not a number</source>
        <translation>{label} „{text}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>{label} &apos;{text}&apos; is not a finite number</source>
        <translation>{label} „{text}“ ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} ist leer</translation>
    </message>
    <message>
        <source>visit_date {visit} is in the future or before the date of birth</source>
        <translation>visit_date {visit} liegt in der Zukunft oder vor dem Geburtsdatum</translation>
    </message>
    <message>
        <source>sex &apos;{sex}&apos; must be female, male or empty (not recorded)</source>
        <translation>sex „{sex}“ muss female, male oder leer (nicht erfasst) sein</translation>
    </message>
    <message>
        <source>involved_side &apos;{raw}&apos; must be left, right or empty</source>
        <translation>involved_side „{raw}“ muss left, right oder leer sein</translation>
    </message>
    <message>
        <source>side &apos;{side}&apos; must be left or right</source>
        <translation>side „{side}“ muss left oder right sein</translation>
    </message>
    <message>
        <source>lever_arm_m {lever:g} is outside 0.05–1.2 m</source>
        <translation>lever_arm_m {lever:g} liegt außerhalb von 0,05–1,2 m</translation>
    </message>
    <message>
        <source>trial &apos;{trial_text}&apos; must be a whole number from 1</source>
        <translation>trial „{trial_text}“ muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>unit &apos;{unit_text}&apos; must be one of {ALLOWED_UNITS}</source>
        <translation>unit „{unit_text}“ muss eine von {ALLOWED_UNITS} sein</translation>
    </message>
    <message>
        <source>peak_force is empty</source>
        <translation>peak_force ist leer</translation>
    </message>
    <message>
        <source>peak_force {value:g} must be above zero</source>
        <translation>peak_force {value:g} muss über null liegen</translation>
    </message>
    <message>
        <source>peak_force {value:g} {unit_text} ({newtons:.0f} N) is implausibly high</source>
        <translation>peak_force {value:g} {unit_text} ({newtons:.0f} N) ist unplausibel hoch</translation>
    </message>
    <message>
        <source>line {line}: repeats trial {trial} already given on line {seen}</source>
        <translation>Zeile {line}: wiederholt Versuch {trial}, der schon in Zeile {seen} steht</translation>
    </message>
    <message>
        <source>line {line}: chart {chart_number} has a different name, birth date or sex than on line {first}</source>
        <translation>Zeile {line}: Pat.-Nr. {chart_number} hat einen anderen Namen, ein anderes Geburtsdatum oder Geschlecht als in Zeile {first}</translation>
    </message>
    <message>
        <source>line {line}: body_mass_kg {body_mass_kg:g} for chart {chart_number} on {visit_date} conflicts with {mass:g} kg on line {other_line}; give one mass per date</source>
        <translation>Zeile {line}: body_mass_kg {body_mass_kg:g} für Pat.-Nr. {chart_number} am {visit_date} widerspricht {mass:g} kg in Zeile {other_line}; geben Sie ein Gewicht pro Datum an</translation>
    </message>
    <message>
        <source>line {line}: lever_arm_m {lever_arm_m:g} conflicts with {lever:g} m on line {other_line} for the same test ({muscle} {side}, {visit_date}); one test has one lever arm</source>
        <translation>Zeile {line}: lever_arm_m {lever_arm_m:g} widerspricht {lever:g} m in Zeile {other_line} für denselben Test ({muscle} {side}, {visit_date}); ein Test hat einen Hebelarm</translation>
    </message>
    <message>
        <source>line {line}: chart {chart_number} already belongs to a patient with a different name, birth date or sex</source>
        <translation>Zeile {line}: Pat.-Nr. {chart_number} gehört bereits zu einem Patienten mit anderem Namen, Geburtsdatum oder Geschlecht</translation>
    </message>
    <message>
        <source>The {description} holds no hiptrack data (no database was set up there).</source>
        <translation>Die Datenbank ({description}) enthält keine hiptrack-Daten (dort wurde keine Datenbank eingerichtet).</translation>
    </message>
    <message>
        <source>There is no database at {where}; nothing was created. Check the --database URL: sqlite:///name is relative to the current folder, sqlite:////name is an absolute path.</source>
        <translation>Unter {where} gibt es keine Datenbank; nichts wurde angelegt. Prüfen Sie die URL bei --database: sqlite:///name ist relativ zum aktuellen Ordner, sqlite:////name ist ein absoluter Pfad.</translation>
    </message>
    <message>
        <source>The {field} contains a NUL character; remove it and save again.</source>
        <translation>Das Feld {field} enthält ein NUL-Zeichen; entfernen Sie es und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>The {field} is {count:,} characters long; the most a report holds is {MAX_TEXT:,}.</source>
        <translation>Das Feld {field} ist {count:,} Zeichen lang; ein Bericht fasst höchstens {MAX_TEXT:,}.</translation>
    </message>
    <message>
        <source>Visit {visit_id} does not exist; the report was not saved.</source>
        <translation>Untersuchung {visit_id} existiert nicht; der Bericht wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>This report was signed by {signed_by} on {signed_on}. Give the reason for the change: it is kept with the new version, and the signed one stays as it was.</source>
        <translation>Dieser Bericht wurde von {signed_by} am {signed_on} unterschrieben. Geben Sie den Grund der Änderung an: Er wird mit der neuen Version gespeichert, und die unterschriebene bleibt unverändert.</translation>
    </message>
    <message>
        <source>There is no assessment or plan to sign for this visit yet.</source>
        <translation>Für diese Untersuchung gibt es noch keinen Befund oder Therapieplan zum Unterschreiben.</translation>
    </message>
    <message>
        <source>Version {revision} is already signed by {signed_by}.</source>
        <translation>Version {revision} ist bereits von {signed_by} unterschrieben.</translation>
    </message>
    <message>
        <source>The assessment and the plan are both empty; write at least one before signing.</source>
        <translation>Befund und Therapieplan sind beide leer; schreiben Sie vor dem Unterschreiben mindestens eines davon.</translation>
    </message>
    <message>
        <source>Pain score {pain_nprs} must be from 0 to 10</source>
        <translation>Schmerzwert {pain_nprs} muss zwischen 0 und 10 liegen</translation>
    </message>
    <message>
        <source>Visit date {visit_date} is in the future</source>
        <translation>Untersuchungsdatum {visit_date} liegt in der Zukunft</translation>
    </message>
    <message>
        <source>Visit id {visit_id} does not exist</source>
        <translation>Untersuchungs-ID {visit_id} existiert nicht</translation>
    </message>
    <message>
        <source>Trial id {trial_id} does not exist</source>
        <translation>Versuchs-ID {trial_id} existiert nicht</translation>
    </message>
    <message>
        <source>No accepted trials: at least one trial force is needed</source>
        <translation>Keine angenommenen Versuche: Mindestens ein Kraftwert ist nötig</translation>
    </message>
    <message>
        <source>Unknown primary score {method!r}: use &apos;max&apos; or &apos;mean&apos;</source>
        <translation>Unbekannter Hauptwert {method!r}: Verwenden Sie „max“ oder „mean“</translation>
    </message>
    <message>
        <source>CV limit must be above 0 % (got {limit_pct:g} %)</source>
        <translation>Die CV-Grenze muss über 0 % liegen (eingegeben: {limit_pct:g} %)</translation>
    </message>
    <message>
        <source>Unknown force unit {text!r}: use one of {known}</source>
        <translation>Unbekannte Krafteinheit {text!r}: Verwenden Sie eine von {known}</translation>
    </message>
    <message>
        <source>{what} is not a number: {value!r}</source>
        <translation>{what} ist keine Zahl: {value!r}</translation>
    </message>
    <message>
        <source>{what} is not a finite number ({number})</source>
        <translation>{what} ist keine endliche Zahl ({number})</translation>
    </message>
    <message>
        <source>{what} is negative ({number:g} N): a peak force cannot be below zero</source>
        <translation>{what} ist negativ ({number:g} N): Ein Spitzenwert kann nicht unter null liegen</translation>
    </message>
    <message>
        <source>The {description} failed its {check} ({values}). It has not been changed and was not backed up over the existing backups.{hint}</source>
        <translation>Die Datenbank ({description}) hat ihre Prüfung ({check}) nicht bestanden ({values}). Sie wurde nicht verändert und nicht über die vorhandenen Sicherungen gesichert.{hint}</translation>
    </message>
    <message>
        <source>The {description} is an SQLite database of another program (it has tables such as &apos;{tables}&apos; but no hiptrack schema). hiptrack has not changed it; point --database at a hiptrack database or at a new file.</source>
        <translation>Die Datenbank ({description}) ist eine SQLite-Datenbank eines anderen Programms (sie hat Tabellen wie „{tables}“, aber kein hiptrack-Schema). hiptrack hat sie nicht verändert; richten Sie --database auf eine hiptrack-Datenbank oder eine neue Datei.</translation>
    </message>
    <message>
        <source>This database was last used by a newer hiptrack (schema &apos;{revision}&apos;); this is hiptrack {version}, which only knows schemas up to &apos;{head_revision}&apos;. Install the newer version. The database has not been changed.</source>
        <translation>Diese Datenbank wurde zuletzt von einem neueren hiptrack benutzt (Schema „{revision}“); dies ist hiptrack {version}, das Schemas nur bis „{head_revision}“ kennt. Installieren Sie die neuere Version. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The migration would leave {count} broken links (first in table {broken}); it was rolled back and the database is unchanged.</source>
        <translation>Die Migration würde {count} defekte Verweise hinterlassen (zuerst in Tabelle {broken}); sie wurde zurückgenommen, und die Datenbank ist unverändert.</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Edit log entry: {exercise}</source>
        <translation>Protokolleintrag bearbeiten: {exercise}</translation>
    </message>
    <message>
        <source>Log exercise: {exercise}</source>
        <translation>Übung protokollieren: {exercise}</translation>
    </message>
    <message>
        <source>Prescribed: {dosage}</source>
        <translation>Verordnet: {dosage}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>S&amp;ide</source>
        <translation>&amp;Seite</translation>
    </message>
    <message>
        <source>&amp;Sets done</source>
        <translation>Erledigte S&amp;ätze</translation>
    </message>
    <message>
        <source>&amp;Repetitions per set</source>
        <translation>&amp;Wiederholungen pro Satz</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Halten</translation>
    </message>
    <message>
        <source>&amp;Band level</source>
        <translation>&amp;Bandstärke</translation>
    </message>
    <message>
        <source>Ankle &amp;weight</source>
        <translation>&amp;Gewichtsmanschette</translation>
    </message>
    <message>
        <source>&amp;Pain during (0–10)</source>
        <translation>Schmer&amp;z dabei (0–10)</translation>
    </message>
    <message>
        <source>Di&amp;fficulty (0–10)</source>
        <translation>Schwierig&amp;keit (0–10)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <source>Search name or chart number  (Ctrl+F)</source>
        <translation>Name oder Pat.-Nr. suchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>&amp;Archivierte zeigen</translation>
    </message>
    <message>
        <source>New patient  (Ctrl+N)</source>
        <translation>Neuer Patient  (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Strength testing</source>
        <translation>&amp;Kraftmessung</translation>
    </message>
    <message>
        <source>E&amp;xercises</source>
        <translation>Übun&amp;gen</translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation>Bericht gespeichert: {file}</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Loading patients…</source>
        <translation>Patienten werden geladen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Preparing the patient pages…</source>
        <translation>Patientenseiten werden vorbereitet…</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Neuer Patient…</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>Patient be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>&amp;Archive or restore patient</source>
        <translation>Patient arch&amp;ivieren oder wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Patient &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation>&amp;Praxiseinstellungen…</translation>
    </message>
    <message>
        <source>Test &amp;batteries…</source>
        <translation>&amp;Testbatterien…</translation>
    </message>
    <message>
        <source>&amp;Measurement error…</source>
        <translation>&amp;Messfehler…</translation>
    </message>
    <message>
        <source>A&amp;udit trail…</source>
        <translation>A&amp;udit-Protokoll…</translation>
    </message>
    <message>
        <source>C&amp;linicians and PINs…</source>
        <translation>Th&amp;erapeuten und PINs…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Visi&amp;t</source>
        <translation>&amp;Untersuchung</translation>
    </message>
    <message>
        <source>Start a &amp;visit</source>
        <translation>Untersuchung &amp;beginnen</translation>
    </message>
    <message>
        <source>&amp;Patient view</source>
        <translation>&amp;Patientenansicht</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Information</source>
        <translation>&amp;Informationen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About hiptrack</source>
        <translation>&amp;Über hiptrack</translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 Patient</translation>
    </message>
    <message>
        <source>{total} patients</source>
        <translation>{total} Patienten</translation>
    </message>
    <message>
        <source>{shown} of 1 patient</source>
        <translation>{shown} von 1 Patient</translation>
    </message>
    <message>
        <source>{shown} of {total} patients</source>
        <translation>{shown} von {total} Patienten</translation>
    </message>
    <message>
        <source>Change patient</source>
        <translation>Patient wechseln</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>diesem Patienten</translation>
    </message>
    <message>
        <source>Select a patient first (Ctrl+F to search)</source>
        <translation>Wählen Sie zuerst einen Patienten (Suche mit Strg+F)</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <source>New body mass today (kg)</source>
        <translation>Neues Körpergewicht heute (kg)</translation>
    </message>
    <message>
        <source>Archive patient</source>
        <translation>Patient archivieren</translation>
    </message>
    <message>
        <source>Restore patient</source>
        <translation>Patient wiederherstellen</translation>
    </message>
    <message>
        <source>Archive this patient? Their records are kept and can be shown again with &apos;Show archived&apos;.</source>
        <translation>Diesen Patienten archivieren? Seine Daten bleiben erhalten und lassen sich mit „Archivierte zeigen“ wieder anzeigen.</translation>
    </message>
    <message>
        <source>Restore this patient to the active list?</source>
        <translation>Diesen Patienten wieder in die aktive Liste aufnehmen?</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Praxiseinstellungen</translation>
    </message>
    <message>
        <source>Test batteries</source>
        <translation>Testbatterien</translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation>Messfehler</translation>
    </message>
    <message>
        <source>{what} saved</source>
        <translation>{what} gespeichert</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source>This clinic uses a PostgreSQL server. Its backups are made on the server (for example with pg_dump); ask your administrator.</source>
        <translation>Diese Praxis nutzt einen PostgreSQL-Server. Seine Sicherungen werden auf dem Server erstellt (zum Beispiel mit pg_dump); fragen Sie Ihren Administrator.</translation>
    </message>
    <message>
        <source>Backup written to:
{file}</source>
        <translation>Sicherung geschrieben nach:
{file}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>{database}

Backups: {backups}
Logs: {logs}</source>
        <translation>{database}

Sicherungen: {backups}
Protokolle: {logs}</translation>
    </message>
    <message>
        <source>About hiptrack</source>
        <translation>Über hiptrack</translation>
    </message>
    <message>
        <source>hiptrack {version}
Hip strength testing and rehabilitation tracking for physiotherapy clinics.</source>
        <translation>hiptrack {version}
Hüftkraftmessung und Rehabilitationsverlauf für Physiotherapiepraxen.</translation>
    </message>
    <message>
        <source>Close hiptrack</source>
        <translation>hiptrack schließen</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Type in a peak</source>
        <translation>Spitzenwert eingeben</translation>
    </message>
    <message>
        <source>Peak shown on the device</source>
        <translation>Spitzenwert laut Geräteanzeige</translation>
    </message>
</context>
<context>
    <name>MuscleBlock</name>
    <message>
        <source>No trial traces to overlay.</source>
        <translation>Keine Versuchskurven zum Überlagern.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record {instrument}</source>
        <translation>{instrument} erfassen</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>nicht eingegeben</translation>
    </message>
    <message>
        <source>&amp;Pain now (0 = none, 10 = worst imaginable)</source>
        <translation>&amp;Schmerz jetzt (0 = keiner, 10 = schlimmster vorstellbarer)</translation>
    </message>
    <message>
        <source>ODI &amp;total (0–100)</source>
        <translation>ODI-&amp;Gesamtwert (0–100)</translation>
    </message>
    <message>
        <source>Enter the total from the licensed paper form; hiptrack stores totals only.</source>
        <translation>Geben Sie den Gesamtwert aus dem lizenzierten Papierbogen ein; hiptrack speichert nur Gesamtwerte.</translation>
    </message>
    <message>
        <source>3 to 5 activities the patient finds hard; 0 = unable, 10 = as before the problem.</source>
        <translation>3 bis 5 Aktivitäten, die dem Patienten schwerfallen; 0 = nicht möglich, 10 = wie vor den Beschwerden.</translation>
    </message>
    <message>
        <source>Activity {n} (optional)</source>
        <translation>Aktivität {n} (optional)</translation>
    </message>
    <message>
        <source>Activity {n}</source>
        <translation>Aktivität {n}</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>&amp;Aktivitäten</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>{mean} of 10 ({n} activities)</source>
        <translation>{mean} von 10 ({n} Aktivitäten)</translation>
    </message>
    <message>
        <source>needs 3–5 named activities ({n} so far)</source>
        <translation>braucht 3–5 benannte Aktivitäten (bisher {n})</translation>
    </message>
    <message>
        <source>Enter the {instrument} score first</source>
        <translation>Geben Sie zuerst den {instrument}-Wert ein</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>unfinished (resume on Strength testing)</source>
        <translation>unvollständig (unter Kraftmessung fortsetzen)</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Körpergröße</translation>
    </message>
    <message>
        <source>Dominant leg</source>
        <translation>Dominantes Bein</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Betroffene Seite</translation>
    </message>
    <message>
        <source>Body mass</source>
        <translation>Körpergewicht</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Body mass (kg)</source>
        <translation>Körpergewicht (kg)</translation>
    </message>
    <message>
        <source>Record &amp;body mass…</source>
        <translation>Körpergewicht &amp;erfassen…</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Untersuchungen</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Kein Patient ausgewählt</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archiviert)</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date} ({age} Jahre)</translation>
    </message>
    <message>
        <source>not recorded (norms do not apply)</source>
        <translation>nicht erfasst (Normwerte nicht anwendbar)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>not set (LSI not computed)</source>
        <translation>nicht angegeben (LSI nicht berechnet)</translation>
    </message>
    <message>
        <source>{mass} kg on {date}</source>
        <translation>{mass} kg am {date}</translation>
    </message>
    <message>
        <source>not recorded (N/kg and Nm/kg cannot be computed)</source>
        <translation>nicht erfasst (N/kg und Nm/kg nicht berechenbar)</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>other</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>Record body mass</source>
        <translation>Körpergewicht erfassen</translation>
    </message>
    <message>
        <source>{patient}

Body mass today (kg):</source>
        <translation>{patient}

Körpergewicht heute (kg):</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <source>No patient selected</source>
        <translation>Kein Patient ausgewählt</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archiviert)</translation>
    </message>
    <message>
        <source>chart {chart}</source>
        <translation>Pat.-Nr. {chart}</translation>
    </message>
    <message>
        <source>born {date} ({age} y)</source>
        <translation>geb. {date} ({age} J.)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>involved side: {side}</source>
        <translation>betroffene Seite: {side}</translation>
    </message>
    <message>
        <source>Patient id {id}: {problem}</source>
        <translation>Patienten-ID {id}: {problem}</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>other</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>metres, e.g. {example}</source>
        <translation>Meter, z. B. {example}</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>&amp;Chart number</source>
        <translation>&amp;Patientennummer</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>Ges&amp;chlecht</translation>
    </message>
    <message>
        <source>&amp;Height (m)</source>
        <translation>&amp;Körpergröße (m)</translation>
    </message>
    <message>
        <source>Body mass today (kg)</source>
        <translation>Körpergewicht heute (kg)</translation>
    </message>
    <message>
        <source>D&amp;ominant leg</source>
        <translation>&amp;Dominantes Bein</translation>
    </message>
    <message>
        <source>&amp;Involved side</source>
        <translation>&amp;Betroffene Seite</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Date of birth &apos;{text}&apos; is not a real date in the form YYYY-MM-DD</source>
        <translation>Geburtsdatum „{text}“ ist kein gültiges Datum im Format JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Körpergröße</translation>
    </message>
    <message>
        <source>Body mass</source>
        <translation>Körpergewicht</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>Chart</source>
        <translation>Pat.-Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geb.-Datum</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archiviert)</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>Your progress</source>
        <translation>Ihre Fortschritte</translation>
    </message>
    <message>
        <source>Clinician: leave patient view…</source>
        <translation>Therapeut: Patientenansicht verlassen…</translation>
    </message>
    <message>
        <source>{first_name}, here is your progress</source>
        <translation>{first_name}, das sind Ihre Fortschritte</translation>
    </message>
    <message>
        <source>Your exercises</source>
        <translation>Ihre Übungen</translation>
    </message>
    <message>
        <source>Leave patient view</source>
        <translation>Patientenansicht verlassen</translation>
    </message>
    <message>
        <source>Clinician password or PIN:</source>
        <translation>Passwort oder PIN des Therapeuten:</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in a moment.</source>
        <translation>Zu viele falsche PINs. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>That password or PIN is not right.</source>
        <translation>Dieses Passwort oder diese PIN ist nicht richtig.</translation>
    </message>
</context>
<context>
    <name>PictureWidget</name>
    <message>
        <source>1  Starting position</source>
        <translation>1  Ausgangsstellung</translation>
    </message>
    <message>
        <source>2  End position</source>
        <translation>2  Endstellung</translation>
    </message>
</context>
<context>
    <name>PrescriptionDialog</name>
    <message>
        <source>Edit prescription</source>
        <translation>Verordnung bearbeiten</translation>
    </message>
    <message>
        <source>Prescribe an exercise</source>
        <translation>Übung verordnen</translation>
    </message>
    <message>
        <source> per week</source>
        <translation> pro Woche</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>Endet a&amp;m</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>&amp;Übung</translation>
    </message>
    <message>
        <source>S&amp;ides</source>
        <translation>&amp;Seiten</translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>S&amp;ätze</translation>
    </message>
    <message>
        <source>&amp;Repetitions</source>
        <translation>&amp;Wiederholungen</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Halten</translation>
    </message>
    <message>
        <source>Resis&amp;tance</source>
        <translation>Wi&amp;derstand</translation>
    </message>
    <message>
        <source>&amp;Band level</source>
        <translation>&amp;Bandstärke</translation>
    </message>
    <message>
        <source>Ankle &amp;weight</source>
        <translation>&amp;Gewichtsmanschette</translation>
    </message>
    <message>
        <source>Sessi&amp;ons</source>
        <translation>&amp;Einheiten</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>Beg&amp;inn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Targets: {muscles}</source>
        <translation>Zielmuskeln: {muscles}</translation>
    </message>
    <message>
        <source>Progression: {text}</source>
        <translation>Progression: {text}</translation>
    </message>
    <message>
        <source>Choose an exercise</source>
        <translation>Wählen Sie eine Übung</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Please correct:
{problems}</source>
        <translation>Bitte korrigieren:
{problems}</translation>
    </message>
    <message>
        <source>{field} &apos;{text}&apos; is not a number</source>
        <translation>{field}: „{text}“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Points marked † rest on a typical lever arm or a body mass carried forward from an earlier date, not on a measurement of that day; hover a point for why.</source>
        <translation>Mit † markierte Punkte beruhen auf einem typischen Hebelarm oder einem von einem früheren Datum übernommenen Körpergewicht, nicht auf einer Messung dieses Tages; zeigen Sie auf einen Punkt, um den Grund zu sehen.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Strength metric: force, force per kg, torque or torque per kg</source>
        <translation>Kraftgröße: Kraft, Kraft pro kg, Drehmoment oder Drehmoment pro kg</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>SVG speichern…</translation>
    </message>
    <message>
        <source>Doc&amp;uments</source>
        <translation>Doku&amp;mente</translation>
    </message>
    <message>
        <source>Clinician summary (PDF)…</source>
        <translation>Therapeutenbericht (PDF)…</translation>
    </message>
    <message>
        <source>Patient progress summary (PDF)…</source>
        <translation>Verlaufsbericht für den Patienten (PDF)…</translation>
    </message>
    <message>
        <source>Home-exercise handout (PDF)…</source>
        <translation>Hausübungsprogramm (PDF)…</translation>
    </message>
    <message>
        <source>Referral letter (PDF)…</source>
        <translation>Bericht an den Überweiser (PDF)…</translation>
    </message>
    <message>
        <source>FHIR bundle for the health record…</source>
        <translation>FHIR-Bundle für die Patientenakte…</translation>
    </message>
    <message>
        <source>Strength results as a FHIR R4 bundle for the clinic&apos;s electronic health record</source>
        <translation>Kraftergebnisse als FHIR-R4-Bundle für die elektronische Patientenakte der Praxis</translation>
    </message>
    <message>
        <source>Assessment and plan…</source>
        <translation>Befund und Plan…</translation>
    </message>
    <message>
        <source>Patient view (F11)</source>
        <translation>Patientenansicht (F11)</translation>
    </message>
    <message>
        <source>Strength as</source>
        <translation>Kraft als</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>The mouse wheel zooms the time axis; this shows the whole history again</source>
        <translation>Das Mausrad zoomt die Zeitachse; dies zeigt wieder den ganzen Verlauf</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Kein Patient ausgewählt</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>No strength tests recorded yet</source>
        <translation>Noch keine Kraftmessungen erfasst</translation>
    </message>
    <message>
        <source>{series}   (grey band: {norm})</source>
        <translation>{series}   (graues Band: {norm})</translation>
    </message>
    <message>
        <source>{mdc}; a hollow marker means the change since the previous visit is within the MDC</source>
        <translation>{mdc}; ein hohler Marker bedeutet: Die Veränderung seit der vorigen Untersuchung liegt innerhalb der MDC</translation>
    </message>
    <message>
        <source>Side-to-side difference (%): ✓ below {amber}, ▲ from {amber}, ■ from {red} (clinic bands)</source>
        <translation>Seitendifferenz (%): ✓ unter {amber}, ▲ ab {amber}, ■ ab {red} (Grenzen der Praxis)</translation>
    </message>
    <message>
        <source>Home exercise adherence (%) and ankle weight (kg)</source>
        <translation>Therapietreue (%) und Gewichtsmanschette (kg)</translation>
    </message>
    <message>
        <source>Adherence %</source>
        <translation>Therapietreue %</translation>
    </message>
    <message>
        <source>Ankle weight (kg, right axis)</source>
        <translation>Gewichtsmanschette (kg, rechts)</translation>
    </message>
    <message>
        <source>Ankle weight kg</source>
        <translation>Gewichtsmanschette kg</translation>
    </message>
    <message>
        <source>Home exercise adherence: no exercises prescribed yet</source>
        <translation>Therapietreue Hausübungen: noch keine Übungen verordnet</translation>
    </message>
    <message>
        <source>Pain (NPRS 0–10) and disability (ODI 0–100, shown ÷ 10)</source>
        <translation>Schmerz (NPRS 0–10), Beeinträchtigung (ODI 0–100 ÷ 10)</translation>
    </message>
    <message>
        <source>NPRS pain</source>
        <translation>NPRS Schmerz</translation>
    </message>
    <message>
        <source>ODI ÷ 10</source>
        <translation>ODI ÷ 10</translation>
    </message>
    <message>
        <source>PSFS function</source>
        <translation>PSFS Funktion</translation>
    </message>
    <message>
        <source>Pain and ODI: no scores recorded yet</source>
        <translation>Schmerz und ODI: noch keine Werte erfasst</translation>
    </message>
    <message>
        <source>hiptrack progress charts</source>
        <translation>hiptrack-Verlaufsdiagramme</translation>
    </message>
    <message>
        <source>Save charts as PNG</source>
        <translation>Diagramme als PNG speichern</translation>
    </message>
    <message>
        <source>Save charts as SVG</source>
        <translation>Diagramme als SVG speichern</translation>
    </message>
    <message>
        <source>Could not save {file}: {problem}</source>
        <translation>{file} konnte nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
        <source>Clinician summary</source>
        <translation>Therapeutenbericht</translation>
    </message>
    <message>
        <source>Patient progress summary</source>
        <translation>Verlaufsbericht für den Patienten</translation>
    </message>
    <message>
        <source>Home-exercise handout</source>
        <translation>Hausübungsprogramm</translation>
    </message>
    <message>
        <source>Referral letter</source>
        <translation>Bericht an den Überweiser</translation>
    </message>
    <message>
        <source>Could not prepare the report: {problem}</source>
        <translation>Der Bericht konnte nicht vorbereitet werden: {problem}</translation>
    </message>
    <message>
        <source>No referrer is entered for this visit: write the name and address under Assessment and plan… first.</source>
        <translation>Für diese Untersuchung ist kein Überweiser eingetragen: Tragen Sie zuerst Name und Adresse unter „Befund und Therapieplan…“ ein.</translation>
    </message>
    <message>
        <source>Save {document}</source>
        <translation>{document} speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {file}: {problem}</source>
        <translation>{file} konnte nicht geschrieben werden: {problem}</translation>
    </message>
    <message>
        <source>Assessment and plan</source>
        <translation>Befund und Therapieplan</translation>
    </message>
    <message>
        <source>This patient has no visit yet: start a visit on the Strength page first.</source>
        <translation>Dieser Patient hat noch keine Untersuchung: Beginnen Sie zuerst eine Untersuchung auf der Seite Kraftmessung.</translation>
    </message>
    <message>
        <source>FHIR bundle</source>
        <translation>FHIR-Bundle</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>Patient view</source>
        <translation>Patientenansicht</translation>
    </message>
    <message>
        <source>The patient view needs a clinician PIN to leave it, so it opens once a PIN is set.</source>
        <translation>Die Patientenansicht lässt sich nur mit einer Therapeuten-PIN verlassen; sie öffnet sich daher erst, wenn eine PIN festgelegt ist.</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <source>none published between sessions</source>
        <translation>keiner veröffentlicht (zwischen Sitzungen)</translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation>Messfehler</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Default MDC</source>
        <translation>Standard-MDC</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>ICC</source>
        <translation>ICC</translation>
    </message>
    <message>
        <source>SD unit</source>
        <translation>SD-Einheit</translation>
    </message>
    <message>
        <source>Clinic MDC</source>
        <translation>MDC der Praxis</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
    <message>
        <source>MDC95 = 1.96 × √2 × SD × √(1 − ICC), the smallest change larger than the measurement error with 95 % confidence. A change in strength is marked as real only beyond it. Defaults must be between-session figures from the same kind of test; none is published for these hip tests yet, so without the clinic&apos;s own figures a change has no verdict.</source>
        <translation>MDC95 = 1,96 × √2 × SD × √(1 − ICC), die kleinste messbare Veränderung, die mit 95 % Sicherheit größer als der Messfehler ist. Eine Kraftveränderung gilt erst darüber als echt. Standardwerte müssen Werte zwischen zwei Sitzungen aus derselben Testart sein; für diese Hüfttests ist noch keiner veröffentlicht, daher bleibt eine Veränderung ohne eigene Werte der Praxis ohne Bewertung.</translation>
    </message>
    <message>
        <source>check SD and ICC</source>
        <translation>SD und ICC prüfen</translation>
    </message>
    <message>
        <source>SD and ICC must be numbers</source>
        <translation>SD und ICC müssen Zahlen sein</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Force</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>Force per body mass</source>
        <translation>Kraft pro kg</translation>
    </message>
    <message>
        <source>Torque</source>
        <translation>Drehmoment</translation>
    </message>
    <message>
        <source>Torque per body mass</source>
        <translation>Drehmoment pro kg</translation>
    </message>
    <message>
        <source>{change} ✱ beyond MDC {mdc}</source>
        <translation>{change} ✱ über MDC {mdc}</translation>
    </message>
    <message>
        <source>{change} · within MDC {mdc}</source>
        <translation>{change} · innerhalb MDC {mdc}</translation>
    </message>
    <message>
        <source>{change} (no MDC)</source>
        <translation>{change} (keine MDC)</translation>
    </message>
    <message>
        <source>norm ±{sd} SD ({source})</source>
        <translation>Norm ±{sd} SD ({source})</translation>
    </message>
    <message>
        <source>norm {low}–{high} % predicted ({source})</source>
        <translation>Norm {low}–{high} % vom Sollwert ({source})</translation>
    </message>
    <message>
        <source>bars: ± MDC {mdc} {unit}</source>
        <translation>Balken: ± MDC {mdc} {unit}</translation>
    </message>
    <message>
        <source>no MDC known for this set-up (enter the clinic&apos;s SD and ICC)</source>
        <translation>keine MDC für diesen Aufbau (SD und ICC der Praxis eingeben)</translation>
    </message>
    <message>
        <source>MDC is in {unit}: bars shown in that view</source>
        <translation>MDC ist in {unit} angegeben: Balken nur in dieser Ansicht</translation>
    </message>
    <message>
        <source>{n} measured by {device}</source>
        <translation>{n} gemessen mit {device}</translation>
    </message>
    <message>
        <source>{n} typed in ({readings})</source>
        <translation>{n} eingegeben ({readings})</translation>
    </message>
    <message>
        <source>{n} typed in</source>
        <translation>{n} eingegeben</translation>
    </message>
    <message>
        <source>{n} imported from a file</source>
        <translation>{n} aus einer Datei importiert</translation>
    </message>
    <message>
        <source>s/n {serial}</source>
        <translation>S/N {serial}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>No strength tests recorded yet.</source>
        <translation>Noch keine Kraftmessungen erfasst.</translation>
    </message>
    <message>
        <source>No accepted strength trials at this visit.</source>
        <translation>Keine angenommenen Kraftversuche bei dieser Untersuchung.</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>Body weight</source>
        <translation>Körpergewicht</translation>
    </message>
    <message>
        <source>How you feel</source>
        <translation>Wie es Ihnen geht</translation>
    </message>
    <message>
        <source>Your home exercises</source>
        <translation>Ihre Hausübungen</translation>
    </message>
    <message>
        <source>Clinician summary</source>
        <translation>Therapeutenbericht</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>Ihre Fortschritte</translation>
    </message>
    <message>
        <source>Referral letter</source>
        <translation>Bericht an den Überweiser</translation>
    </message>
    <message>
        <source>{column} (cont.)</source>
        <translation>{column} (Forts.)</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Seite {number} von {total}</translation>
    </message>
    <message>
        <source>Prepared {date}</source>
        <translation>Erstellt am {date}</translation>
    </message>
    <message>
        <source>Visit {date} · {prepared}</source>
        <translation>Untersuchung {date} · {prepared}</translation>
    </message>
    <message>
        <source>{patient} · chart {chart} · {date}</source>
        <translation>{patient} · Pat.-Nr. {chart} · {date}</translation>
    </message>
    <message>
        <source>no reference</source>
        <translation>kein Referenzwert</translation>
    </message>
    <message>
        <source>z {z} ({band}) vs {expected} Nm/kg, {source}</source>
        <translation>z {z} ({band}) ggü. {expected} Nm/kg, {source}</translation>
    </message>
    <message>
        <source>{pct} predicted ({band}), {source}</source>
        <translation>{pct} vom Sollwert ({band}), {source}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>Pat.-Nr.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date} ({age} Jahre)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Körpergröße</translation>
    </message>
    <message>
        <source>Body mass at visit</source>
        <translation>Gewicht bei Untersuchung</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Betroffene Seite</translation>
    </message>
    <message>
        <source>not set (LSI not computed)</source>
        <translation>nicht angegeben (LSI nicht berechnet)</translation>
    </message>
    <message>
        <source>Dominant leg</source>
        <translation>Dominantes Bein</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>Visits with results</source>
        <translation>Untersuchungen mit Ergebnissen</translation>
    </message>
    <message>
        <source>Tested by</source>
        <translation>Getestet von</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>max</source>
        <comment>the highest of the trials</comment>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>mean</source>
        <comment>the mean of the trials</comment>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Settings: asymmetry bands {amber} / {red} %; primary score = {primary} of the accepted trials; CV limit {cv} %. Asymmetry = (stronger − weaker) / stronger; fixed cut-offs are poorly supported ({source}), so bands read &apos;difference ≥ X %&apos;, never &apos;abnormal&apos;. A change is marked ✱ only when it exceeds the MDC of the same test.</source>
        <translation>Einstellungen: Asymmetrie-Grenzen {amber} / {red} %; Hauptwert = {primary} der angenommenen Versuche; CV-Grenze {cv} %. Asymmetrie = (stärker − schwächer) / stärker; feste Grenzwerte sind kaum belegt ({source}), daher lauten die Markierungen „Differenz ≥ X %“, nie „pathologisch“. Eine Veränderung wird nur mit ✱ markiert, wenn sie die MDC desselben Tests überschreitet.</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Literatur</translation>
    </message>
    <message>
        <source>no assessment or plan written</source>
        <translation>kein Befund und kein Therapieplan geschrieben</translation>
    </message>
    <message>
        <source>signed, version {n}</source>
        <translation>unterschrieben, Version {n}</translation>
    </message>
    <message>
        <source>DRAFT, not signed (version {n})</source>
        <translation>ENTWURF, nicht unterschrieben (Version {n})</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Therapieplan</translation>
    </message>
    <message>
        <source>Tested by: {name}</source>
        <translation>Getestet von: {name}</translation>
    </message>
    <message>
        <source>Not signed: this report is a draft and is not valid as a clinical record.</source>
        <translation>Nicht unterschrieben: Dieser Bericht ist ein Entwurf und gilt nicht als Dokumentation der Behandlung.</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Signed electronically by {who} in hiptrack on {when} (version {n}).</source>
        <translation>Elektronisch unterschrieben von {who} in hiptrack am {when} (Version {n}).</translation>
    </message>
    <message>
        <source>This version replaces version {n}: {reason}</source>
        <translation>Diese Version ersetzt Version {n}: {reason}</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>other</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>† typical</source>
        <translation>† typisch</translation>
    </message>
    <message>
        <source>carried fwd</source>
        <comment>carried forward, abbreviated for a narrow column</comment>
        <translation>übern.</translation>
    </message>
    <message>
        <source>source?</source>
        <comment>where the lever arm came from is not recorded</comment>
        <translation>Herkunft?</translation>
    </message>
    <message>
        <source>{position}. {set_up}; pad: {pad}</source>
        <translation>{position}. {set_up}; Polster: {pad}</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Lever</source>
        <translation>Hebel</translation>
    </message>
    <message>
        <source>Fixation</source>
        <translation>Fixation</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Accepted trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Test set-up at this visit</source>
        <translation>Testaufbau bei dieser Untersuchung</translation>
    </message>
    <message>
        <source>{side} {accepted} (+{rejected} rejected)</source>
        <translation>{side} {accepted} (+{rejected} verworfen)</translation>
    </message>
    <message>
        <source>hand</source>
        <comment>the dynamometer held by the tester&apos;s hand</comment>
        <translation>Hand</translation>
    </message>
    <message>
        <source>belt</source>
        <comment>the dynamometer fixed with a belt</comment>
        <translation>Gurt</translation>
    </message>
    <message>
        <source>by torque</source>
        <translation>nach Drehmoment</translation>
    </message>
    <message>
        <source>left weaker</source>
        <translation>links schwächer</translation>
    </message>
    <message>
        <source>right weaker</source>
        <translation>rechts schwächer</translation>
    </message>
    <message>
        <source>pass</source>
        <comment>the LSI reached the pass mark</comment>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>below</source>
        <comment>the LSI is below the pass mark</comment>
        <translation>unter Soll</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Asymmetry</source>
        <translation>Asymmetrie</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Trial CV %</source>
        <translation>CV Versuche %</translation>
    </message>
    <message>
        <source>Trials L/R</source>
        <translation>Vers. L/R</translation>
    </message>
    <message>
        <source>Normalised values and norms</source>
        <translation>Normierte Werte und Normwerte</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Normwert</translation>
    </message>
    <message>
        <source>Change against the previous visit and the baseline</source>
        <translation>Veränderung gegenüber der vorigen Untersuchung und dem Ausgangswert</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>vs previous visit</source>
        <translation>ggü. voriger Untersuchung</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>ggü. Ausgangswert</translation>
    </message>
    <message>
        <source>First visit with results: no change to report yet.</source>
        <translation>Erste Untersuchung mit Ergebnissen: noch keine Veränderung zu berichten.</translation>
    </message>
    <message>
        <source>Notes on the calculations:</source>
        <translation>Hinweise zu den Berechnungen:</translation>
    </message>
    <message>
        <source>vs {date}</source>
        <translation>ggü. {date}</translation>
    </message>
    <message>
        <source>{muscle}, left norm: {reason}</source>
        <translation>{muscle}, Normwert links: {reason}</translation>
    </message>
    <message>
        <source>{muscle}, right norm: {reason}</source>
        <translation>{muscle}, Normwert rechts: {reason}</translation>
    </message>
    <message>
        <source>Muscle / position</source>
        <translation>Muskel / Position</translation>
    </message>
    <message>
        <source>Left ({unit})</source>
        <translation>Links ({unit})</translation>
    </message>
    <message>
        <source>Right ({unit})</source>
        <translation>Rechts ({unit})</translation>
    </message>
    <message>
        <source>Progress charts</source>
        <translation>Verlaufsdiagramme</translation>
    </message>
    <message>
        <source>Strength shown as torque ({unit}); all charts share one time axis.</source>
        <translation>Messwerte dargestellt als Drehmoment ({unit}); alle Diagramme haben dieselbe Zeitachse.</translation>
    </message>
    <message>
        <source>Strength shown as force ({unit}); all charts share one time axis.</source>
        <translation>Messwerte dargestellt als Kraft ({unit}); alle Diagramme haben dieselbe Zeitachse.</translation>
    </message>
    <message>
        <source>Home exercise program</source>
        <translation>Hausübungsprogramm</translation>
    </message>
    <message>
        <source>No home exercises prescribed at this date.</source>
        <translation>Zu diesem Datum keine Hausübungen verordnet.</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>{week} (in progress)</source>
        <translation>{week} (laufend)</translation>
    </message>
    <message>
        <source>Adherence, latest weeks</source>
        <translation>Therapietreue, letzte Wochen</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Planned sessions</source>
        <translation>Geplante Einheiten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Therapietreue</translation>
    </message>
    <message>
        <source>Outcome scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>No outcome scores recorded yet.</source>
        <translation>Noch keine Scores erfasst.</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>vs previous</source>
        <translation>ggü. vorher</translation>
    </message>
    <message>
        <source>The latest four scores of each instrument; MCIC per Ostelo 2008 (NPRS 2 points or 30 %, ODI 10 points or 30 %).</source>
        <translation>Die letzten vier Werte jedes Instruments; MCIC nach Ostelo 2008 (NPRS 2 Punkte oder 30 %, ODI 10 Punkte oder 30 %).</translation>
    </message>
    <message>
        <source>Visit: {notes}</source>
        <translation>Untersuchung: {notes}</translation>
    </message>
    <message>
        <source>Patient: {notes}</source>
        <translation>Patient: {notes}</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>Untersuchungsverlauf</translation>
    </message>
    <message>
        <source>Mass kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>1 earlier visit is shown in the charts only.</source>
        <translation>1 frühere Untersuchung ist nur in den Diagrammen dargestellt.</translation>
    </message>
    <message>
        <source>{n} earlier visits are shown in the charts only.</source>
        <translation>{n} frühere Untersuchungen sind nur in den Diagrammen dargestellt.</translation>
    </message>
    <message>
        <source>{pct} weaker</source>
        <comment>asymmetry without a named weaker side</comment>
        <translation>{pct} schwächer</translation>
    </message>
    <message>
        <source>Your strength over time</source>
        <translation>Ihre Kraft im Verlauf</translation>
    </message>
    <message>
        <source>Each point is one visit. The line with circles is your left side, the dashed line with squares your right side. Higher is stronger.</source>
        <translation>Jeder Punkt ist eine Untersuchung. Die Linie mit Kreisen ist Ihre linke Seite, die gestrichelte Linie mit Quadraten Ihre rechte Seite. Höher bedeutet stärker.</translation>
    </message>
    <message>
        <source>Questions about this summary? Ask your physiotherapist at your next visit.</source>
        <translation>Fragen zu dieser Zusammenfassung? Fragen Sie bei Ihrem nächsten Termin in der Physiotherapie.</translation>
    </message>
    <message>
        <source>Stop and call us if an exercise causes sharp pain, pain that spreads down a leg, numbness or tingling, or pain that is clearly worse the next day.</source>
        <translation>Hören Sie auf und rufen Sie uns an, wenn eine Übung stechende Schmerzen, ins Bein ausstrahlende Schmerzen, Taubheit oder Kribbeln oder am nächsten Tag deutlich stärkere Schmerzen verursacht.</translation>
    </message>
    <message>
        <source>1  Starting position</source>
        <translation>1  Ausgangsstellung</translation>
    </message>
    <message>
        <source>2  End position</source>
        <translation>2  Endstellung</translation>
    </message>
    <message>
        <source>For {name}</source>
        <translation>Für {name}</translation>
    </message>
    <message>
        <source>No home exercises are prescribed at the moment.</source>
        <translation>Zurzeit sind keine Hausübungen verordnet.</translation>
    </message>
    <message>
        <source>Do each exercise as often as it says under its name, on days that suit you. Tick the chart at the end on each day you exercised.</source>
        <translation>Machen Sie jede Übung so oft, wie es unter ihrem Namen steht, an Tagen, die Ihnen passen. Kreuzen Sie in der Tabelle am Ende jeden Tag an, an dem Sie geübt haben.</translation>
    </message>
    <message>
        <source>Starting position</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Watch out for</source>
        <translation>Achten Sie auf</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Ihre Notizen</translation>
    </message>
    <message>
        <source>Tick each day you exercised</source>
        <translation>Kreuzen Sie jeden Tag an, an dem Sie geübt haben</translation>
    </message>
    <message>
        <source>Week {n}</source>
        <translation>Woche {n}</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>your physiotherapist</source>
        <translation>Ihre Physiotherapiepraxis</translation>
    </message>
    <message>
        <source>{phone} or {email}</source>
        <translation>{phone} oder {email}</translation>
    </message>
    <message>
        <source>Questions about your exercises? Contact {who}: {how}.</source>
        <translation>Fragen zu Ihren Übungen? Wenden Sie sich an {who}: {how}.</translation>
    </message>
    <message>
        <source>Questions about your exercises? Contact {who}.</source>
        <translation>Fragen zu Ihren Übungen? Wenden Sie sich an {who}.</translation>
    </message>
    <message>
        <source>To: {referrer}</source>
        <translation>An: {referrer}</translation>
    </message>
    <message>
        <source>Re: {name}, born {born}, chart {chart}</source>
        <translation>Betreff: {name}, geb. {born}, Pat.-Nr. {chart}</translation>
    </message>
    <message>
        <source>Thank you for referring this patient. Hip strength was measured with a hand-held dynamometer on {date} by {tester}. The key results:</source>
        <translation>Vielen Dank für die Überweisung. Die Hüftkraft wurde am {date} von {tester} mit einem Handdynamometer gemessen. Die wichtigsten Ergebnisse:</translation>
    </message>
    <message>
        <source>Thank you for referring this patient. Hip strength was measured with a hand-held dynamometer on {date}. The key results:</source>
        <translation>Vielen Dank für die Überweisung. Die Hüftkraft wurde am {date} mit einem Handdynamometer gemessen. Die wichtigsten Ergebnisse:</translation>
    </message>
    <message>
        <source>No strength results were recorded at this visit.</source>
        <translation>Bei dieser Untersuchung wurden keine Kraftergebnisse erfasst.</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Gluteus medius</source>
        <translation>Gluteus medius</translation>
    </message>
    <message>
        <source>Gluteus maximus</source>
        <translation>Gluteus maximus</translation>
    </message>
    <message>
        <source>torque</source>
        <translation>Drehmoment</translation>
    </message>
    <message>
        <source>force</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>{n}st</source>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}nd</source>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}rd</source>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>{n}th</source>
        <translation>{n}.</translation>
    </message>
    <message>
        <source>no reference</source>
        <translation>kein Referenzwert</translation>
    </message>
    <message>
        <source>source not recorded</source>
        <translation>Herkunft nicht erfasst</translation>
    </message>
    <message>
        <source>z {z} ({percentile} percentile) {source}</source>
        <translation>z {z} ({percentile} Perzentile) {source}</translation>
    </message>
    <message>
        <source>{percent} % of predicted ({band}) {source}</source>
        <translation>{percent} % vom Sollwert ({band}) {source}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why the LSI passes while the difference is red:&lt;/b&gt; the involved side is the stronger one here (LSI {lsi} %), so the index clears the pass mark, but the uninvolved {side} side is weaker by {difference} %. Look at the uninvolved side too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warum der LSI besteht, obwohl die Differenz rot ist:&lt;/b&gt; Die betroffene Seite ist hier die stärkere (LSI {lsi} %), daher erreicht der Index den Grenzwert, aber die nicht betroffene Seite ({side}) ist um {difference} % schwächer. Beachten Sie auch die nicht betroffene Seite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{change} ◆ beyond MDC {mdc}</source>
        <translation>{change} ◆ über MDC {mdc}</translation>
    </message>
    <message>
        <source>{change} (within MDC {mdc})</source>
        <translation>{change} (innerhalb MDC {mdc})</translation>
    </message>
    <message>
        <source>no MDC for this test: a change cannot be judged against measurement error</source>
        <translation>keine MDC für diesen Test: Eine Veränderung lässt sich nicht am Messfehler beurteilen</translation>
    </message>
    <message>
        <source>{change} (no MDC for this test)</source>
        <translation>{change} (keine MDC für diesen Test)</translation>
    </message>
    <message>
        <source>{difference}, {side} weaker</source>
        <translation>{difference}, {side} schwächer</translation>
    </message>
    <message>
        <source>{muscle} — {position}, make test</source>
        <translation>{muscle} — {position}, Make-Test</translation>
    </message>
    <message>
        <source>{muscle} — {position}, break test</source>
        <translation>{muscle} — {position}, Break-Test</translation>
    </message>
    <message>
        <source>{muscle} — {position}, {method} test</source>
        <translation>{muscle} — {position}, {method}-Test</translation>
    </message>
    <message>
        <source> ▲ high</source>
        <translation> ▲ hoch</translation>
    </message>
    <message>
        <source>Change vs previous</source>
        <translation>Veränderung ggü. vorher</translation>
    </message>
    <message>
        <source>Change vs baseline</source>
        <translation>Veränderung ggü. Ausgangswert</translation>
    </message>
    <message>
        <source>Primary score</source>
        <translation>Hauptwert</translation>
    </message>
    <message>
        <source>Torque (Nm)</source>
        <translation>Drehmoment (Nm)</translation>
    </message>
    <message>
        <source>Trial CV</source>
        <translation>CV der Versuche</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>Normwert</translation>
    </message>
    <message>
        <source>✓ at or above the pass mark</source>
        <translation>✓ auf oder über dem Grenzwert</translation>
    </message>
    <message>
        <source>▲ below the pass mark</source>
        <translation>▲ unter dem Grenzwert</translation>
    </message>
    <message>
        <source>&lt;p&gt;Limb symmetry index (involved ÷ uninvolved, by {basis}): &lt;b&gt;{lsi}&lt;/b&gt;{mark} {verdict}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Limb Symmetry Index (betroffen ÷ nicht betroffen, nach {basis}): &lt;b&gt;{lsi}&lt;/b&gt;{mark} {verdict}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Asymmetry by {basis}</source>
        <translation>Asymmetrie nach {basis}</translation>
    </message>
    <message>
        <source>Asymmetry</source>
        <translation>Asymmetrie</translation>
    </message>
    <message>
        <source>&lt;p&gt;No accepted trials yet at this visit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch keine angenommenen Versuche bei dieser Untersuchung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#555&apos;&gt;Fixed asymmetry cut-offs are poorly supported: healthy people differ by up to 23–40 % between sides (Bohannon &amp;amp; Andrews 1999). Act on differences that are consistent and beyond measurement error.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;Feste Asymmetrie-Grenzwerte sind kaum belegt: Gesunde unterscheiden sich zwischen den Seiten um bis zu 23–40 % (Bohannon &amp;amp; Andrews 1999). Handeln Sie bei Differenzen, die beständig sind und über dem Messfehler liegen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not recorded (N/kg and Nm/kg left out)</source>
        <translation>nicht erfasst (N/kg und Nm/kg entfallen)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Visit {date} · body mass {mass}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Untersuchung {date} · Körpergewicht {mass}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Visit {date} · body mass {mass} · &lt;b&gt;unfinished&lt;/b&gt;: partial results, not compared with earlier visits&lt;/p&gt;</source>
        <translation>&lt;p&gt;Untersuchung {date} · Körpergewicht {mass} · &lt;b&gt;unvollständig&lt;/b&gt;: Teilergebnisse, nicht mit früheren Untersuchungen verglichen&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Set a clinician PIN</source>
        <translation>Therapeuten-PIN festlegen</translation>
    </message>
    <message>
        <source>Leaving the patient view needs a clinician&apos;s PIN, and no clinician has one yet. Set one now (6 to 12 digits).</source>
        <translation>Zum Verlassen der Patientenansicht ist die PIN eines Therapeuten nötig, und noch kein Therapeut hat eine. Legen Sie jetzt eine fest (6 bis 12 Ziffern).</translation>
    </message>
    <message>
        <source>Your name, e.g. J. Lee, PT</source>
        <translation>Ihr Name, z. B. J. Lee, PT</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation>Die beiden PINs stimmen nicht überein</translation>
    </message>
    <message>
        <source>Your name is missing</source>
        <translation>Ihr Name fehlt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>red (red from the figure)</source>
        <translation>rot (rot ab dem Grenzwert)</translation>
    </message>
    <message>
        <source>amber (red only above it)</source>
        <translation>gelb (rot erst darüber)</translation>
    </message>
    <message>
        <source>newtons (N)</source>
        <translation>Newton (N)</translation>
    </message>
    <message>
        <source>kilogram-force (kgf)</source>
        <translation>Kilogramm-Kraft (kgf)</translation>
    </message>
    <message>
        <source>pound-force (lbf)</source>
        <translation>Pfund-Kraft (lbf)</translation>
    </message>
    <message>
        <source>best (maximum) of the accepted trials</source>
        <translation>bester Wert (Maximum) der angenommenen Versuche</translation>
    </message>
    <message>
        <source>mean of the accepted trials</source>
        <translation>Mittelwert der angenommenen Versuche</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Praxiseinstellungen</translation>
    </message>
    <message>
        <source>These settings are shared by every workstation that uses this database.
Fixed asymmetry cut-offs are poorly supported by evidence (Bohannon and Andrews 1999: healthy side differences up to 23–40 %); flags say &apos;difference ≥ X %&apos;, never &apos;abnormal&apos;.</source>
        <translation>Diese Einstellungen gelten für jeden Arbeitsplatz, der diese Datenbank nutzt.
Feste Asymmetrie-Grenzwerte sind kaum durch Evidenz gestützt (Bohannon und Andrews 1999: Seitendifferenzen bei Gesunden bis 23–40 %); Markierungen sagen „Differenz ≥ X %“, nie „pathologisch“.</translation>
    </message>
    <message>
        <source>The amber threshold must be below the red threshold</source>
        <translation>Der Gelb-Grenzwert muss unter dem Rot-Grenzwert liegen</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>hiptrack: create the first account</source>
        <translation>hiptrack: erstes Benutzerkonto anlegen</translation>
    </message>
    <message>
        <source>hiptrack: sign in</source>
        <translation>hiptrack: Anmelden</translation>
    </message>
    <message>
        <source>e.g. J. Lee, PT</source>
        <translation>z. B. J. Lee, PT</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Anlegen und anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Quit hiptrack</source>
        <translation>hiptrack beenden</translation>
    </message>
    <message>
        <source>Welcome. Create the clinic&apos;s first account: an administrator, who can then add an account for each clinician (File › Accounts, or `hiptrack user add`). The password needs at least 8 characters.</source>
        <translation>Willkommen. Legen Sie das erste Konto der Praxis an: einen Administrator, der dann für jeden Therapeuten ein Konto anlegen kann (Datei › Konten oder `hiptrack user add`). Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>hiptrack was locked after a while without use. Sign in to continue; signing in as someone else switches the session to them.</source>
        <translation>hiptrack wurde nach einer Weile ohne Nutzung gesperrt. Melden Sie sich an, um fortzufahren; wer sich als jemand anderes anmeldet, übernimmt damit die Sitzung.</translation>
    </message>
    <message>
        <source>Who is working? Sign in with your hiptrack account.</source>
        <translation>Wer arbeitet gerade? Melden Sie sich mit Ihrem hiptrack-Konto an.</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Die beiden Passwörter stimmen nicht überein</translation>
    </message>
</context>
<context>
    <name>StartupBackup</name>
    <message>
        <source>Backing up the database</source>
        <translation>Datenbank wird gesichert</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Database backed up ({size} MB): {file}</source>
        <translation>Datenbank gesichert ({size} MB): {file}</translation>
    </message>
    <message>
        <source>Start-up backup failed: {problem}</source>
        <translation>Sicherung beim Start fehlgeschlagen: {problem}</translation>
    </message>
</context>
<context>
    <name>StrengthPage</name>
    <message>
        <source>&amp;Resume unfinished visit</source>
        <translation>Untersuchung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Start a &amp;visit  [Ctrl+T]</source>
        <translation>Untersuchung begi&amp;nnen  [Strg+T]</translation>
    </message>
    <message>
        <source>Simulated patient pushes  [P]</source>
        <translation>Simulierter Patient drückt  [P]</translation>
    </message>
    <message>
        <source>Latest results (finished visits only):</source>
        <translation>Letzte Ergebnisse (abgeschlossen):</translation>
    </message>
    <message>
        <source>Select a patient to test</source>
        <translation>Wählen Sie einen Patienten für die Messung</translation>
    </message>
    <message>
        <source>An unfinished visit from {date} has 1 trial saved. Resume it to carry on where testing stopped.</source>
        <translation>Eine unvollständige Untersuchung vom {date} hat 1 gespeicherten Versuch. Setzen Sie sie fort, um dort weiterzumachen, wo die Messung endete.</translation>
    </message>
    <message>
        <source>An unfinished visit from {date} has {count} trials saved. Resume it to carry on where testing stopped.</source>
        <translation>Eine unvollständige Untersuchung vom {date} hat {count} gespeicherte Versuche. Setzen Sie sie fort, um dort weiterzumachen, wo die Messung endete.</translation>
    </message>
    <message>
        <source>1 trial is awaiting the clinician&apos;s decision (not counted).</source>
        <translation>1 Versuch wartet auf die Entscheidung des Therapeuten (nicht gezählt).</translation>
    </message>
    <message>
        <source>{n} trials are awaiting the clinician&apos;s decision (not counted).</source>
        <translation>{n} Versuche warten auf die Entscheidung des Therapeuten (nicht gezählt).</translation>
    </message>
    <message>
        <source>Unfinished visit</source>
        <translation>Unvollständige Untersuchung</translation>
    </message>
    <message>
        <source>This patient has an unfinished visit. Resume it instead of starting a new one?</source>
        <translation>Dieser Patient hat eine unvollständige Untersuchung. Diese fortsetzen, statt eine neue zu beginnen?</translation>
    </message>
    <message>
        <source>Start a visit</source>
        <translation>Untersuchung beginnen</translation>
    </message>
</context>
<context>
    <name>TrialOverlay</name>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>seconds from onset</source>
        <translation>Sekunden ab Kraftbeginn</translation>
    </message>
    <message>
        <source>trial {n}: {why}</source>
        <translation>Versuch {n}: {why}</translation>
    </message>
    <message>
        <source>trials {n}: {why}</source>
        <translation>Versuche {n}: {why}</translation>
    </message>
    <message>
        <source>Trials aligned at onset (dashed line, t = 0). Solid: counted; dashed grey: not counted; dot: peak; shaded: RFD 0–100 and 0–200 ms.</source>
        <translation>Versuche am Kraftbeginn ausgerichtet (gestrichelte Linie, t = 0). Durchgezogen: gezählt; grau gestrichelt: nicht gezählt; Punkt: Spitzenwert; schattiert: RFD 0–100 und 0–200 ms.</translation>
    </message>
    <message>
        <source>trial {n} not counted: {why}</source>
        <translation>Versuch {n} nicht gezählt: {why}</translation>
    </message>
</context>
<context>
    <name>TrialScreen</name>
    <message>
        <source>patient moved or compensated</source>
        <translation>Patient hat sich bewegt oder kompensiert</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>sub-maximal effort</source>
        <translation>submaximale Anstrengung</translation>
    </message>
    <message>
        <source>gauge slipped</source>
        <translation>Messgerät verrutscht</translation>
    </message>
    <message>
        <source>tester gave way</source>
        <translation>Untersucher hat nachgegeben</translation>
    </message>
    <message>
        <source>redo requested by clinician</source>
        <translation>Wiederholung vom Therapeuten angefordert</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>LINKS</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>RECHTS</translation>
    </message>
    <message>
        <source>{muscle} · {side} · trial {number} of {planned}</source>
        <translation>{muscle} · {side} · Versuch {number} von {planned}</translation>
    </message>
    <message>
        <source>Make test.</source>
        <translation>Make-Test.</translation>
    </message>
    <message>
        <source>Break test.</source>
        <translation>Break-Test.</translation>
    </message>
    <message>
        <source>{method} test.</source>
        <translation>{method}-Test.</translation>
    </message>
    <message>
        <source> m lever arm</source>
        <translation> m Hebelarm</translation>
    </message>
    <message>
        <source>Joint axis to pad centre; saved with the next trial</source>
        <translation>Gelenkachse bis Polstermitte; wird mit dem nächsten Versuch gespeichert</translation>
    </message>
    <message>
        <source>Force ({unit})</source>
        <translation>Kraft ({unit})</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>onset</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Peak ({unit})</source>
        <translation>Spitzenwert ({unit})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start / stop  [Space]</source>
        <translation>Start / Stopp  [Leertaste]</translation>
    </message>
    <message>
        <source>Accept  [Enter]</source>
        <translation>Annehmen  [Enter]</translation>
    </message>
    <message>
        <source>Reject…  [R]</source>
        <translation>Verwerfen…  [R]</translation>
    </message>
    <message>
        <source>Redo  [D]</source>
        <translation>Wiederholen  [D]</translation>
    </message>
    <message>
        <source>Tare  [T]</source>
        <translation>Tarieren  [T]</translation>
    </message>
    <message>
        <source>Type in peak…  [M]</source>
        <translation>Spitzenwert eingeben…  [M]</translation>
    </message>
    <message>
        <source>Skip rest  [S]</source>
        <translation>Pause überspringen  [S]</translation>
    </message>
    <message>
        <source>Finish visit  [Ctrl+Enter]</source>
        <translation>Untersuchung abschließen  [Strg+Enter]</translation>
    </message>
    <message>
        <source>{position}. {set_up}. Pad: {pad}. {method}</source>
        <translation>{position}. {set_up}. Polster: {pad}. {method}</translation>
    </message>
    <message>
        <source>Battery complete</source>
        <translation>Testbatterie vollständig</translation>
    </message>
    <message>
        <source>All planned trials are recorded. Review the results, then finish the visit.</source>
        <translation>Alle geplanten Versuche sind aufgezeichnet. Prüfen Sie die Ergebnisse und schließen Sie dann die Untersuchung ab.</translation>
    </message>
    <message>
        <source>{done} of 1 trial accepted</source>
        <translation>{done} von 1 Versuch angenommen</translation>
    </message>
    <message>
        <source>{done} of {total} trials accepted</source>
        <translation>{done} von {total} Versuchen angenommen</translation>
    </message>
    <message>
        <source>Ready: ask for a maximal contraction.
The trial starts and stops by itself.</source>
        <translation>Bereit: Fordern Sie eine maximale Kontraktion an.
Der Versuch startet und stoppt von selbst.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Aufzeichnung…</translation>
    </message>
    <message>
        <source>Accept [Enter] or reject [R]?</source>
        <translation>Annehmen [Enter] oder verwerfen [R]?</translation>
    </message>
    <message>
        <source>Finish the visit [Ctrl+Enter] when ready.</source>
        <translation>Schließen Sie die Untersuchung ab [Strg+Enter], wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>peak, {unit}: awaiting your decision</source>
        <translation>Spitzenwert, {unit}: wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Trial {number} was recorded before testing stopped and is awaiting the clinician&apos;s decision (not counted): accept it [Enter] or reject it [R].</source>
        <translation>Versuch {number} wurde vor dem Abbruch der Messung aufgezeichnet und wartet auf die Entscheidung des Therapeuten (nicht gezählt): annehmen [Enter] oder verwerfen [R].</translation>
    </message>
    <message>
        <source>Trial not saved</source>
        <translation>Versuch nicht gespeichert</translation>
    </message>
    <message>
        <source>{problem}

The trial was not saved; please repeat it.</source>
        <translation>{problem}

Der Versuch wurde nicht gespeichert; bitte wiederholen Sie ihn.</translation>
    </message>
    <message>
        <source>trial not counted</source>
        <translation>Versuch nicht gezählt</translation>
    </message>
    <message>
        <source>Trial kept but not counted: {reason}. Repeat the trial.</source>
        <translation>Versuch gespeichert, aber nicht gezählt: {reason}. Wiederholen Sie den Versuch.</translation>
    </message>
    <message>
        <source>Note on this trial: {note}.</source>
        <translation>Hinweis zu diesem Versuch: {note}.</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>peak, {unit}: {side} trial {number} accepted</source>
        <translation>Spitzenwert, {unit}: Versuch {number} {side} angenommen</translation>
    </message>
    <message>
        <source>Trials vary</source>
        <translation>Versuche streuen</translation>
    </message>
    <message>
        <source>trial rejected</source>
        <translation>Versuch verworfen</translation>
    </message>
    <message>
        <source>Decision not saved</source>
        <translation>Entscheidung nicht gespeichert</translation>
    </message>
    <message>
        <source>Reject trial</source>
        <translation>Versuch verwerfen</translation>
    </message>
    <message>
        <source>Reason (kept with the trial):</source>
        <translation>Grund (wird mit dem Versuch gespeichert):</translation>
    </message>
    <message>
        <source>Rest {time}  (S to skip)</source>
        <translation>Pause {time}  (S zum Überspringen)</translation>
    </message>
    <message>
        <source>A trial is awaiting the clinician&apos;s decision: accept it [Enter] or reject it [R] before finishing the visit.</source>
        <translation>Ein Versuch wartet auf die Entscheidung des Therapeuten: Nehmen Sie ihn an [Enter] oder verwerfen Sie ihn [R], bevor Sie die Untersuchung abschließen.</translation>
    </message>
    <message>
        <source>1 planned trial is not done. Finish the visit anyway? Everything recorded so far is kept.</source>
        <translation>1 geplanter Versuch fehlt noch. Die Untersuchung trotzdem abschließen? Alles bisher Aufgezeichnete bleibt erhalten.</translation>
    </message>
    <message>
        <source>{count} planned trials are not done. Finish the visit anyway? Everything recorded so far is kept.</source>
        <translation>{count} geplante Versuche fehlen noch. Die Untersuchung trotzdem abschließen? Alles bisher Aufgezeichnete bleibt erhalten.</translation>
    </message>
    <message>
        <source>Finish visit</source>
        <translation>Untersuchung abschließen</translation>
    </message>
    <message>
        <source>peak, {unit}</source>
        <translation>Spitzenwert, {unit}</translation>
    </message>
    <message>
        <source>… pending: awaiting the clinician&apos;s decision (not counted) · Enter / R</source>
        <translation>… offen: wartet auf die Entscheidung des Therapeuten (nicht gezählt) · Enter / R</translation>
    </message>
    <message>
        <source>… awaiting the clinician&apos;s decision (not counted)</source>
        <translation>… wartet auf die Entscheidung des Therapeuten (nicht gezählt)</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ angenommen</translation>
    </message>
    <message>
        <source>{status} (typed in)</source>
        <translation>{status} (eingegeben)</translation>
    </message>
    <message>
        <source>Glut. med.</source>
        <translation>Glut. med.</translation>
    </message>
    <message>
        <source>Glut. max.</source>
        <translation>Glut. max.</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Results cannot be computed: {problem}</source>
        <translation>Ergebnisse können nicht berechnet werden: {problem}</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Start a visit</source>
        <translation>Untersuchung beginnen</translation>
    </message>
    <message>
        <source>Add clinician…</source>
        <translation>Therapeut hinzufügen…</translation>
    </message>
    <message>
        <source>kg (leave empty if not measured today)</source>
        <translation>kg (leer lassen, wenn heute nicht gemessen)</translation>
    </message>
    <message>
        <source>weighed today</source>
        <translation>heute gewogen</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht erfragt</translation>
    </message>
    <message>
        <source>Visit &amp;date</source>
        <translation>Untersuchungs&amp;datum</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Body &amp;mass today (kg)</source>
        <translation>Körper&amp;gewicht heute (kg)</translation>
    </message>
    <message>
        <source>&amp;Pain now (NPRS 0–10)</source>
        <translation>&amp;Schmerz jetzt (NPRS 0–10)</translation>
    </message>
    <message>
        <source>Test &amp;battery</source>
        <translation>Test&amp;batterie</translation>
    </message>
    <message>
        <source>Start testing</source>
        <translation>Messung starten</translation>
    </message>
    <message>
        <source>weighed at this visit</source>
        <translation>bei dieser Untersuchung gewogen</translation>
    </message>
    <message>
        <source>carried forward from an earlier visit</source>
        <translation>von einer früheren Untersuchung übernommen</translation>
    </message>
    <message>
        <source>carried forward from {date} (1 day ago)</source>
        <translation>übernommen vom {date} (vor 1 Tag)</translation>
    </message>
    <message>
        <source>carried forward from {date} ({n} days ago)</source>
        <translation>übernommen vom {date} (vor {n} Tagen)</translation>
    </message>
    <message>
        <source>carried forward from {date} ({n} days ago): older than 1 day, weigh the patient</source>
        <translation>übernommen vom {date} (vor {n} Tagen): älter als 1 Tag, bitte den Patienten wiegen</translation>
    </message>
    <message>
        <source>carried forward from {date} ({n} days ago): older than {limit} days, weigh the patient</source>
        <translation>übernommen vom {date} (vor {n} Tagen): älter als {limit} Tage, bitte den Patienten wiegen</translation>
    </message>
    <message>
        <source>Typical lever arm</source>
        <translation>Typischer Hebelarm</translation>
    </message>
    <message>
        <source>The lever arm for {muscles} is a typical value, not measured on this patient. Torque, Nm/kg and changes in torque will be marked as resting on it.

Use the typical value?</source>
        <translation>Der Hebelarm für {muscles} ist ein typischer Wert, nicht an diesem Patienten gemessen. Drehmoment, Nm/kg und Veränderungen des Drehmoments werden als darauf beruhend markiert.

Den typischen Wert verwenden?</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Add clinician</source>
        <translation>Therapeut hinzufügen</translation>
    </message>
    <message>
        <source>Name as it should appear on reports:</source>
        <translation>Name, wie er auf Berichten erscheinen soll:</translation>
    </message>
    <message>
        <source>Body mass</source>
        <translation>Körpergewicht</translation>
    </message>
</context>
<context>
    <name>VisitGuard</name>
    <message>
        <source>Leave {name}&apos;s visit? {accepted} of {planned} trials are recorded; you can resume it later. Until it is finished, its results are shown as unfinished and not compared with other visits.</source>
        <translation>Untersuchung von {name} verlassen? {accepted} von {planned} Versuchen sind aufgezeichnet; Sie können sie später fortsetzen. Bis sie abgeschlossen ist, werden ihre Ergebnisse als unvollständig gezeigt und nicht mit anderen Untersuchungen verglichen.</translation>
    </message>
</context>
<context>
    <name>VisitReportDialog</name>
    <message>
        <source>Assessment and plan — {patient}</source>
        <translation>Befund und Therapieplan — {patient}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{patient}&lt;/b&gt; · visit {date}</source>
        <translation>&lt;b&gt;{patient}&lt;/b&gt; · Untersuchung vom {date}</translation>
    </message>
    <message>
        <source>Name and address, for the referral letter (optional)</source>
        <translation>Name und Adresse, für den Bericht an den Überweiser (optional)</translation>
    </message>
    <message>
        <source>Why the signed version is being changed</source>
        <translation>Warum die unterschriebene Version geändert wird</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Grund der Änderung</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Befund</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Therapieplan</translation>
    </message>
    <message>
        <source>Re&amp;ferrer</source>
        <translation>Über&amp;weiser</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>&amp;Unterschreiben…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>Noch nicht geschrieben.</translation>
    </message>
    <message>
        <source>Version {revision}, signed by {name} on {when}. It is locked; a change makes a new version with its reason.</source>
        <translation>Version {revision}, unterschrieben von {name} am {when}. Sie ist gesperrt; eine Änderung erzeugt eine neue Version mit Begründung.</translation>
    </message>
    <message>
        <source>Version {revision}: draft, not signed.</source>
        <translation>Version {revision}: Entwurf, nicht unterschrieben.</translation>
    </message>
    <message>
        <source>Sign the report</source>
        <translation>Bericht unterschreiben</translation>
    </message>
    <message>
        <source>Sign this assessment and plan as yourself? A signed report is locked; a later change makes a new version with its reason.</source>
        <translation>Diesen Befund und Therapieplan in Ihrem Namen unterschreiben? Ein unterschriebener Bericht ist gesperrt; eine spätere Änderung erzeugt eine neue Version mit Begründung.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to hiptrack</source>
        <translation>Willkommen bei hiptrack</translation>
    </message>
    <message>
        <source>This database has no patients yet. Three steps get a clinic going; each can be changed later from the File menu.</source>
        <translation>Diese Datenbank enthält noch keine Patienten. Drei Schritte bringen eine Praxis in Gang; jeder lässt sich später im Menü Datei ändern.</translation>
    </message>
    <message>
        <source>Add the first patient…</source>
        <translation>Ersten Patienten anlegen…</translation>
    </message>
    <message>
        <source>Set the clinic&apos;s name…</source>
        <translation>Namen der Praxis festlegen…</translation>
    </message>
    <message>
        <source>Connect a gauge</source>
        <translation>Messgerät verbinden</translation>
    </message>
    <message>
        <source>Try the simulated gauge</source>
        <translation>Simuliertes Messgerät ausprobieren</translation>
    </message>
    <message>
        <source>A simulated Mark-10 on this computer: press P on the strength page for a push</source>
        <translation>Ein simuliertes Mark-10 auf diesem Computer: Drücken Sie P auf der Seite Kraftmessung für einen Druck</translation>
    </message>
    <message>
        <source>1. Patients are listed on the left; search them with Ctrl+F.</source>
        <translation>1. Patienten stehen links in der Liste; suchen Sie mit Strg+F.</translation>
    </message>
    <message>
        <source>2. The clinic&apos;s name heads every report and handout.</source>
        <translation>2. Der Name der Praxis steht im Kopf jedes Berichts und Übungsblatts.</translation>
    </message>
    <message>
        <source>3. Plug the gauge in (USB or RS-232) and connect it on Strength testing.</source>
        <translation>3. Schließen Sie das Messgerät an (USB oder RS-232) und verbinden Sie es unter Kraftmessung.</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>noch nicht festgelegt</translation>
    </message>
    <message>
        <source>✓ connected</source>
        <translation>✓ verbunden</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Lifting your leg out to the side</source>
        <translation>Das Bein zur Seite anheben</translation>
    </message>
    <message>
        <source>Pushing your leg backwards</source>
        <translation>Das Bein nach hinten drücken</translation>
    </message>
    <message>
        <source>gluteus medius (hip abduction)</source>
        <translation>Gluteus medius (Hüft­abduktion)</translation>
    </message>
    <message>
        <source>gluteus maximus (hip extension)</source>
        <translation>Gluteus maximus (Hüft­extension)</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>a date inside a sentence, as a QDate format pattern</comment>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>last week</source>
        <translation>letzte Woche</translation>
    </message>
    <message>
        <source>last month</source>
        <translation>letzten Monat</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>am {date}</translation>
    </message>
    <message>
        <source>Both hips are about equally strong</source>
        <translation>Beide Hüften sind etwa gleich stark</translation>
    </message>
    <message>
        <source>both hips are about equally strong</source>
        <translation>beide Hüften waren etwa gleich stark</translation>
    </message>
    <message>
        <source>Your left hip is {pct}% weaker than your right</source>
        <translation>Ihre linke Hüfte ist {pct} % schwächer als Ihre rechte</translation>
    </message>
    <message>
        <source>your left hip is {pct}% weaker than your right</source>
        <translation>Ihre linke Hüfte war {pct} % schwächer als Ihre rechte</translation>
    </message>
    <message>
        <source>Your right hip is {pct}% weaker than your left</source>
        <translation>Ihre rechte Hüfte ist {pct} % schwächer als Ihre linke</translation>
    </message>
    <message>
        <source>your right hip is {pct}% weaker than your left</source>
        <translation>Ihre rechte Hüfte war {pct} % schwächer als Ihre linke</translation>
    </message>
    <message>
        <source>Only your left side was tested this time, so your two sides cannot be compared yet.</source>
        <translation>Diesmal wurde nur Ihre linke Seite getestet, daher lassen sich Ihre beiden Seiten noch nicht vergleichen.</translation>
    </message>
    <message>
        <source>Only your right side was tested this time, so your two sides cannot be compared yet.</source>
        <translation>Diesmal wurde nur Ihre rechte Seite getestet, daher lassen sich Ihre beiden Seiten noch nicht vergleichen.</translation>
    </message>
    <message>
        <source>Your two sides could not be compared this time.</source>
        <translation>Ihre beiden Seiten ließen sich diesmal nicht vergleichen.</translation>
    </message>
    <message>
        <source>{sentence}.</source>
        <translation>{sentence}.</translation>
    </message>
    <message>
        <source>{sentence}; {when} it was {pct}%.</source>
        <translation>{sentence}; {when} waren es {pct} %.</translation>
    </message>
    <message>
        <source>{sentence}; {when} {before}.</source>
        <translation>{sentence}; {when}: {before}.</translation>
    </message>
    <message>
        <source> ({then} then, {now} now)</source>
        <translation> ({then} damals, {now} jetzt)</translation>
    </message>
    <message>
        <source>Your left side is the same as at your first test{values}.</source>
        <translation>Ihre linke Seite ist genauso stark wie beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is the same as at your first test{values}.</source>
        <translation>Ihre rechte Seite ist genauso stark wie beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your left side is the same as at your last test{values}.</source>
        <translation>Ihre linke Seite ist genauso stark wie beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is the same as at your last test{values}.</source>
        <translation>Ihre rechte Seite ist genauso stark wie beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>Your left side is stronger than at your first test{values}.</source>
        <translation>Ihre linke Seite ist stärker als beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your left side is weaker than at your first test{values}.</source>
        <translation>Ihre linke Seite ist schwächer als beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is stronger than at your first test{values}.</source>
        <translation>Ihre rechte Seite ist stärker als beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is weaker than at your first test{values}.</source>
        <translation>Ihre rechte Seite ist schwächer als beim ersten Test{values}.</translation>
    </message>
    <message>
        <source>Your left side is stronger than at your last test{values}.</source>
        <translation>Ihre linke Seite ist stärker als beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>Your left side is weaker than at your last test{values}.</source>
        <translation>Ihre linke Seite ist schwächer als beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is stronger than at your last test{values}.</source>
        <translation>Ihre rechte Seite ist stärker als beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>Your right side is weaker than at your last test{values}.</source>
        <translation>Ihre rechte Seite ist schwächer als beim letzten Test{values}.</translation>
    </message>
    <message>
        <source>This is more than the measurement error, so it is a real change.</source>
        <translation>Das ist mehr als der Messfehler, also eine echte Veränderung.</translation>
    </message>
    <message>
        <source>This is within the measurement error, so it may not be a real change yet.</source>
        <translation>Das liegt innerhalb des Messfehlers, ist also vielleicht noch keine echte Veränderung.</translation>
    </message>
    <message>
        <source>The measurement error of this test is not known, so treat small changes with care.</source>
        <translation>Der Messfehler dieses Tests ist nicht bekannt; bewerten Sie kleine Veränderungen daher vorsichtig.</translation>
    </message>
    <message>
        <source>Your pain</source>
        <translation>Ihr Schmerz</translation>
    </message>
    <message>
        <source>out of 10</source>
        <translation>von 10</translation>
    </message>
    <message>
        <source>Your back-pain disability score (Oswestry)</source>
        <translation>Ihr Wert für die Beeinträchtigung durch Rückenschmerzen (Oswestry)</translation>
    </message>
    <message>
        <source>out of 100</source>
        <translation>von 100</translation>
    </message>
    <message>
        <source>Your everyday activities score</source>
        <translation>Ihr Wert für Alltagsaktivitäten</translation>
    </message>
    <message>
        <source>{what} was {score} {out_of} on {date}.</source>
        <translation>{what} lag am {date} bei {score} {out_of}.</translation>
    </message>
    <message>
        <source>{what} was {first} {out_of} at the start and {latest} {out_of} on {date}.</source>
        <translation>{what} lag zu Beginn bei {first} {out_of} und am {date} bei {latest} {out_of}.</translation>
    </message>
    <message>
        <source>That is a big enough improvement to make a real difference.</source>
        <translation>Diese Verbesserung ist groß genug, um einen echten Unterschied zu machen.</translation>
    </message>
    <message>
        <source>It has not improved yet.</source>
        <translation>Eine Verbesserung gibt es noch nicht.</translation>
    </message>
    <message>
        <source>It is moving, but not yet by enough to make a real difference.</source>
        <translation>Es tut sich etwas, aber noch nicht genug für einen echten Unterschied.</translation>
    </message>
    <message>
        <source>Over the past week you did {done} of your {planned} planned exercise sessions ({pct}%).</source>
        <translation>In der letzten Woche haben Sie {done} von {planned} geplanten Übungseinheiten gemacht ({pct} %).</translation>
    </message>
    <message>
        <source>Over the past {weeks} weeks you did {done} of your {planned} planned exercise sessions ({pct}%).</source>
        <translation>In den letzten {weeks} Wochen haben Sie {done} von {planned} geplanten Übungseinheiten gemacht ({pct} %).</translation>
    </message>
    <message>
        <source>once a week</source>
        <translation>einmal pro Woche</translation>
    </message>
    <message>
        <source>twice a week</source>
        <translation>zweimal pro Woche</translation>
    </message>
    <message>
        <source>{n} times a week</source>
        <translation>{n}-mal pro Woche</translation>
    </message>
    <message>
        <source>How often: {often}</source>
        <translation>Wie oft: {often}</translation>
    </message>
    <message>
        <source>Each time: {dosage}</source>
        <translation>Jedes Mal: {dosage}</translation>
    </message>
    <message>
        <source>No strength tests have been recorded yet.</source>
        <translation>Es wurden noch keine Kraftmessungen erfasst.</translation>
    </message>
    <message>
        <source>Your body weight was not recorded at this visit, so strength for your size (per kilogram) cannot be shown.</source>
        <translation>Ihr Körpergewicht wurde bei dieser Untersuchung nicht erfasst, daher lässt sich die Kraft im Verhältnis zu Ihrem Gewicht (pro Kilogramm) nicht zeigen.</translation>
    </message>
    <message>
        <source>Body mass not recorded for this visit: N/kg and Nm/kg are not computed and norms needing mass are not shown.</source>
        <translation>Körpergewicht bei dieser Untersuchung nicht erfasst: N/kg und Nm/kg werden nicht berechnet, und Normwerte, die das Gewicht brauchen, werden nicht gezeigt.</translation>
    </message>
    <message>
        <source>The visit of {date} is unfinished (its battery was not completed): its partial results are left out of this document until the visit is finished.</source>
        <translation>Die Untersuchung vom {date} ist unvollständig (ihre Testbatterie wurde nicht abgeschlossen): ihre Teilergebnisse fehlen in diesem Dokument, bis die Untersuchung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Only the left side was tested for {muscle}: asymmetry and LSI are not computed.</source>
        <translation>Für {muscle} wurde nur die linke Seite getestet: Asymmetrie und LSI werden nicht berechnet.</translation>
    </message>
    <message>
        <source>Only the right side was tested for {muscle}: asymmetry and LSI are not computed.</source>
        <translation>Für {muscle} wurde nur die rechte Seite getestet: Asymmetrie und LSI werden nicht berechnet.</translation>
    </message>
</context>
<context>
    <name>_MuscleEditor</name>
    <message>
        <source>make (patient pushes against a held gauge)</source>
        <translation>Make (Patient drückt gegen das gehaltene Messgerät)</translation>
    </message>
    <message>
        <source>break (tester overcomes the patient)</source>
        <translation>Break (Untersucher überwindet den Patienten)</translation>
    </message>
    <message>
        <source>measured today</source>
        <translation>heute gemessen</translation>
    </message>
    <message>
        <source>hand</source>
        <translation>Hand</translation>
    </message>
    <message>
        <source>belt</source>
        <translation>Gurt</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Lever arm (joint axis to pad centre)</source>
        <translation>Hebelarm (Gelenkachse bis Polstermitte)</translation>
    </message>
    <message>
        <source>Fixation</source>
        <translation>Fixierung</translation>
    </message>
    <message>
        <source>Set-up: {setup}.
Pad: {pad}.</source>
        <translation>Aufbau: {setup}.
Polster: {pad}.</translation>
    </message>
    <message>
        <source>measured at this visit</source>
        <translation>bei dieser Untersuchung gemessen</translation>
    </message>
    <message>
        <source>carried forward from {date}</source>
        <translation>übernommen vom {date}</translation>
    </message>
    <message>
        <source>typical value, not measured: measure it</source>
        <translation>typischer Wert, nicht gemessen: bitte messen</translation>
    </message>
</context>
</TS>
