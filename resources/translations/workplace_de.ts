<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="240"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="246"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="252"/>
        <location filename="../../workplace/ui/header.py" line="253"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="254"/>
        <location filename="../../workplace/ui/header.py" line="255"/>
        <source>Sign in to your organisation</source>
        <translation>Bei Ihrer Organisation anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="249"/>
        <source>Your account and sign-out</source>
        <translation>Ihr Konto und Abmeldung</translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="152"/>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="159"/>
        <source>Not remembered on this computer</source>
        <translation>Auf diesem Computer nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="162"/>
        <source>Session holds until %1</source>
        <translation>Sitzung gültig bis %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="164"/>
        <source>Remembered on this computer</source>
        <translation>Auf diesem Computer gespeichert</translation>
    </message>
</context>
<context>
    <name>AppPasswordDialog</name>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="34"/>
        <source>Application password for %1</source>
        <translation>Anwendungspasswort für %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="36"/>
        <source>Your calendar is read with an application password, not with your sign-in. Create one in the webmail under Settings › Security › Application passwords and enter it here once. It is kept in this computer&apos;s secure keyring and forgotten when you sign out.</source>
        <translation>Ihr Kalender wird mit einem Anwendungspasswort gelesen, nicht mit Ihrer Anmeldung. Legen Sie eines in der Webmail unter Einstellungen › Sicherheit › Anwendungspasswörter an und geben Sie es hier einmal ein. Es wird im sicheren Schlüsselbund dieses Computers verwahrt und beim Abmelden gelöscht.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="51"/>
        <source>&amp;Application password</source>
        <translation>&amp;Anwendungspasswort</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="54"/>
        <source>Application password</source>
        <translation>Anwendungspasswort</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="61"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="100"/>
        <source>The password could not be kept: this computer has no secure keyring available. Please contact the service desk.</source>
        <translation>Das Passwort konnte nicht gespeichert werden: Auf diesem Computer steht kein sicherer Schlüsselbund zur Verfügung. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
</context>
<context>
    <name>AuthTexts</name>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="37"/>
        <source>The sign-in service cannot be reached</source>
        <translation>Der Anmeldedienst ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="39"/>
        <source>Please check your network connection (and the VPN, if you work from home), then try again.</source>
        <translation>Bitte prüfen Sie Ihre Netzwerkverbindung (und im Homeoffice das VPN) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="45"/>
        <source>The connection to the sign-in service is not trusted</source>
        <translation>Die Verbindung zum Anmeldedienst ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="47"/>
        <source>Its certificate could not be verified, so nothing was sent. Please tell your IT department or the service desk.</source>
        <translation>Sein Zertifikat konnte nicht geprüft werden, daher wurde nichts gesendet. Bitte informieren Sie Ihre IT-Abteilung oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="53"/>
        <source>The sign-in took too long</source>
        <translation>Die Anmeldung hat zu lange gedauert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="55"/>
        <source>The sign-in service did not answer in time, or the sign-in was not finished. Please try again.</source>
        <translation>Der Anmeldedienst hat nicht rechtzeitig geantwortet, oder die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="60"/>
        <source>Sign-in was cancelled</source>
        <translation>Die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="63"/>
        <source>Sign-in was denied</source>
        <translation>Die Anmeldung wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="65"/>
        <source>The sign-in page reported that it was cancelled or that access was refused. Please try again or contact the service desk.</source>
        <translation>Die Anmeldeseite meldet, dass die Anmeldung abgebrochen oder der Zugriff verweigert wurde. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="71"/>
        <source>A sign-in is already in progress</source>
        <translation>Eine Anmeldung läuft bereits</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="72"/>
        <source>Please finish it in your browser or cancel it first.</source>
        <translation>Bitte schließen Sie sie in Ihrem Browser ab oder brechen Sie sie zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="76"/>
        <source>No web browser could be opened</source>
        <translation>Es konnte kein Webbrowser geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="78"/>
        <source>Choose “Use a code instead” to sign in on another device, for example your smartphone.</source>
        <translation>Wählen Sie „Stattdessen einen Code verwenden“, um sich auf einem anderen Gerät anzumelden, zum Beispiel auf Ihrem Smartphone.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="84"/>
        <source>The sign-in could not be completed safely</source>
        <translation>Die Anmeldung konnte nicht sicher abgeschlossen werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="86"/>
        <source>The answer from the sign-in page did not belong to this sign-in, so it was rejected. Please try again.</source>
        <translation>Die Antwort der Anmeldeseite gehörte nicht zu dieser Anmeldung und wurde daher abgewiesen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="92"/>
        <source>The answer came from an unexpected sign-in service</source>
        <translation>Die Antwort kam von einem unerwarteten Anmeldedienst</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="93"/>
        <source>For your protection it was rejected. Please tell your IT department.</source>
        <translation>Zu Ihrem Schutz wurde sie abgewiesen. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="97"/>
        <source>The sign-in service does not meet the security rules</source>
        <translation>Der Anmeldedienst erfüllt die Sicherheitsregeln nicht</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="99"/>
        <source>For your protection no sign-in was attempted. Please tell your IT department.</source>
        <translation>Zu Ihrem Schutz wurde keine Anmeldung versucht. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="104"/>
        <source>The sign-in service sent an invalid answer</source>
        <translation>Der Anmeldedienst hat eine ungültige Antwort gesendet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="106"/>
        <source>For your protection the sign-in was rejected. Please try again; if it happens again, contact the service desk.</source>
        <translation>Zu Ihrem Schutz wurde die Anmeldung abgewiesen. Bitte versuchen Sie es erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="112"/>
        <source>This computer&apos;s clock is wrong</source>
        <translation>Die Uhr dieses Computers geht falsch</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="114"/>
        <source>Please correct the date and time (or ask your IT department), then sign in again.</source>
        <translation>Bitte korrigieren Sie Datum und Uhrzeit (oder bitten Sie Ihre IT-Abteilung darum) und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>Your session has ended</source>
        <translation>Ihre Sitzung ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="122"/>
        <source>The code has expired</source>
        <translation>Der Code ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="123"/>
        <source>Please request a new code and enter it within the time shown.</source>
        <translation>Bitte fordern Sie einen neuen Code an und geben Sie ihn innerhalb der angezeigten Zeit ein.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="127"/>
        <source>The sign-in service reported an error</source>
        <translation>Der Anmeldedienst hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="128"/>
        <source>Please try again later; if it happens again, contact the service desk.</source>
        <translation>Bitte versuchen Sie es später erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="132"/>
        <source>Your sign-in will not be remembered</source>
        <translation>Ihre Anmeldung wird nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="134"/>
        <source>This computer has no secure keyring. You stay signed in only while %1 is running. Everything else works as usual.</source>
        <translation>Auf diesem Computer gibt es keinen sicheren Schlüsselbund. Sie bleiben nur angemeldet, solange %1 läuft. Alles andere funktioniert wie gewohnt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="142"/>
        <source>The keyring on this computer did not keep it, for example because its password question was cancelled. You stay signed in only while %1 is running.</source>
        <translation>Der Schlüsselbund dieses Computers hat sie nicht aufbewahrt, zum Beispiel weil seine Passwortabfrage abgebrochen wurde. Sie bleiben nur angemeldet, solange %1 läuft.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="140"/>
        <source>Your sign-in could not be saved</source>
        <translation>Ihre Anmeldung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="149"/>
        <source>Sign-in is not set up</source>
        <translation>Die Anmeldung ist nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="151"/>
        <source>No sign-in service is configured for this organisation. Please tell your IT department.</source>
        <translation>Für diese Organisation ist kein Anmeldedienst eingerichtet. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="156"/>
        <source>Sign-in failed</source>
        <translation>Die Anmeldung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="157"/>
        <source>An unexpected error occurred. Please try again or contact the service desk.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="165"/>
        <source>Supported: Secret Service (for example GNOME Keyring or KeePassXC), KWallet, macOS Keychain, Windows Credential Manager.</source>
        <translation>Unterstützt: Secret Service (zum Beispiel GNOME-Schlüsselbund oder KeePassXC), KWallet, macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="169"/>
        <source>For IT: the keyring %1 did not store the sign-in (%2).</source>
        <translation>Für die IT: Der Schlüsselbund %1 hat die Anmeldung nicht gespeichert (%2).</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="173"/>
        <source>For IT: no secure keyring was found; only %1.</source>
        <translation>Für die IT: Es wurde kein sicherer Schlüsselbund gefunden, nur %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="175"/>
        <source>For IT: no keyring could be loaded.</source>
        <translation>Für die IT: Es konnte kein Schlüsselbund geladen werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="180"/>
        <source>Offline – the session is renewed automatically</source>
        <translation>Offline – die Sitzung wird automatisch erneuert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="182"/>
        <source>The sign-in service is not trusted right now</source>
        <translation>Der Anmeldedienst ist derzeit nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="183"/>
        <source>The session could not be renewed – retrying</source>
        <translation>Die Sitzung konnte nicht erneuert werden – neuer Versuch folgt</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="144"/>
        <location filename="../../workplace/ui/banner.py" line="145"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="147"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation>Details in die Zwischenablage kopieren, z. B. für den Service-Desk</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="149"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="150"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="155"/>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="155"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="158"/>
        <source>Hide the technical details</source>
        <translation>Die technischen Details ausblenden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="160"/>
        <source>Show the technical details, e.g. for the service desk</source>
        <translation>Die technischen Details zeigen, z. B. für den Service-Desk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="186"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../../workplace/ui/banners.py" line="211"/>
        <source>The configuration has warnings</source>
        <translation>Die Konfiguration enthält Warnungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="213"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation>Der Arbeitsplatz funktioniert normal. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="217"/>
        <source>The configuration could not be read completely</source>
        <translation>Die Konfiguration konnte nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="220"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation>Der Arbeitsplatz läuft mit dem weiter, was er lesen konnte. Bitte informieren Sie Ihre IT oder den Service-Desk.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="148"/>
        <source>your files</source>
        <translation>Ihren Dateien</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="153"/>
        <source>changed %1</source>
        <translation>geändert %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="50"/>
        <source>%1 · in %2 · %3</source>
        <translation>%1 · in %2 · %3</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="131"/>
        <source>&amp;Recently edited</source>
        <translation>&amp;Zuletzt bearbeitet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="132"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="133"/>
        <source>Recently edited</source>
        <translation>Zuletzt bearbeitet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="135"/>
        <source>Your latest changed files. Enter opens one in the web office.</source>
        <translation>Ihre zuletzt geänderten Dateien. Die Eingabetaste öffnet eine im Web-Office.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="136"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="138"/>
        <source>Notifications of the files service. Delete dismisses one here and on the server.</source>
        <translation>Benachrichtigungen der Dateiablage. Entf verwirft eine hier und auf dem Server.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="140"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="142"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="175"/>
        <source>Your latest changed files. They open in the web office.</source>
        <translation>Ihre zuletzt geänderten Dateien. Sie öffnen sich im Web-Office.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="176"/>
        <source>No recently edited files yet.</source>
        <translation>Noch keine zuletzt bearbeiteten Dateien.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="180"/>
        <source>Dismissed notifications are removed on the server too.</source>
        <translation>Verworfene Benachrichtigungen werden auch auf dem Server entfernt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="181"/>
        <source>No notifications.</source>
        <translation>Keine Benachrichtigungen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="207"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="533"/>
        <source>Logo of %1</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="577"/>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="579"/>
        <source>Press to check the connection again.</source>
        <translation>Drücken, um die Verbindung erneut zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="614"/>
        <source>Search services (Ctrl+F)</source>
        <translation>Dienste durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="546"/>
        <location filename="../../workplace/ui/header.py" line="615"/>
        <source>Search services</source>
        <translation>Dienste durchsuchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="617"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation>Tippen, um die Dienste nach Name, Beschreibung oder Stichwort zu filtern</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="619"/>
        <source>Help and service desk (F1)</source>
        <translation>Hilfe und Service-Desk (F1)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="620"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="622"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation>Kontakt zum Service-Desk und Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="624"/>
        <location filename="../../workplace/ui/header.py" line="625"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="627"/>
        <source>Language, colours and behaviour of the window</source>
        <translation>Sprache, Farben und Verhalten des Fensters</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="545"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="549"/>
        <location filename="../../workplace/ui/header.py" line="550"/>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="631"/>
        <source>Checking sign-in …</source>
        <translation>Anmeldung wird geprüft …</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="56"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="61"/>
        <source>Service desk of %1</source>
        <translation>Service-Desk – %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="97"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="99"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="101"/>
        <source>Your IT department has not configured a service desk.</source>
        <translation>Ihre IT hat keinen Service-Desk hinterlegt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="107"/>
        <source>Type anywhere or Ctrl+F</source>
        <translation>Einfach lostippen oder Strg+F</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="107"/>
        <source>search</source>
        <translation>suchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="109"/>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="109"/>
        <source>move between tiles</source>
        <translation>zwischen Kacheln wechseln</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="110"/>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="110"/>
        <source>open the service</source>
        <translation>Dienst öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="111"/>
        <source>Ctrl+D</source>
        <translation>Strg+D</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="111"/>
        <source>add to or remove from favourites</source>
        <translation>zu Favoriten hinzufügen oder entfernen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="112"/>
        <source>Menu key or Shift+F10</source>
        <translation>Menütaste oder Umschalt+F10</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="112"/>
        <source>more actions for a tile</source>
        <translation>weitere Aktionen für eine Kachel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="113"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="113"/>
        <source>check the services and the catalog now</source>
        <translation>Dienste und Katalog jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="120"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="126"/>
        <source>Arbeitsplatz %1</source>
        <translation>Arbeitsplatz %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="132"/>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="140"/>
        <source>Copy diagnostics</source>
        <translation>Diagnose kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="142"/>
        <source>Copies a report for the service desk: configuration, connection, sign-in and the status of every service. It contains no passwords or tokens.</source>
        <translation>Kopiert einen Bericht für den Service-Desk: Konfiguration, Verbindung, Anmeldung und den Zustand jedes Dienstes. Er enthält keine Passwörter oder Tokens.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="166"/>
        <source>Collecting diagnostics… this checks every service and takes a few seconds.</source>
        <translation>Diagnose wird erstellt … dabei wird jeder Dienst geprüft, das dauert einige Sekunden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="175"/>
        <source>Diagnostics copied. Paste them into your message to the service desk.</source>
        <translation>Diagnose kopiert. Fügen Sie sie in Ihre Nachricht an den Service-Desk ein.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="184"/>
        <source>The diagnostics could not be collected. Please try again. If it happens again, tell the service desk.</source>
        <translation>Die Diagnose konnte nicht erstellt werden. Bitte versuchen Sie es erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
</context>
<context>
    <name>IntranetWarning</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="225"/>
        <source>Open anyway</source>
        <translation>Trotzdem öffnen</translation>
    </message>
</context>
<context>
    <name>LaunchController</name>
    <message>
        <location filename="../../workplace/ui/launching.py" line="145"/>
        <source>%1 could not be opened</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="151"/>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="159"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation>Die Adresse ist keine sichere Webadresse und wurde deshalb nicht geöffnet. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="163"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation>Es konnte kein Webbrowser gestartet werden. Bitte prüfen Sie, ob ein Standardbrowser eingestellt ist.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="166"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation>Die Anwendung ist auf diesem Computer nicht installiert. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="170"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation>Die Anwendung konnte nicht gestartet werden. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="174"/>
        <source>The service could not be opened.</source>
        <translation>Der Dienst konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>LinkConfirm</name>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="80"/>
        <source>Open a link to another website?</source>
        <translation>Einen Link zu einer anderen Website öffnen?</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="82"/>
        <source>The link leads to %1, which is not one of your organisation&apos;s services. Open it in your browser only if you trust where the link came from.</source>
        <translation>Der Link führt zu %1. Das ist kein Dienst Ihrer Organisation. Öffnen Sie ihn im Browser nur, wenn Sie der Herkunft des Links vertrauen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="103"/>
        <source>Address of the link</source>
        <translation>Adresse des Links</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="108"/>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
</context>
<context>
    <name>LinkRouter</name>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="274"/>
        <location filename="../../workplace/ui/linkrouting.py" line="300"/>
        <source>The link could not be opened</source>
        <translation>Der Link konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="275"/>
        <location filename="../../workplace/ui/linkrouting.py" line="297"/>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="337"/>
        <source>There is no service “%1”</source>
        <translation>Es gibt keinen Dienst „%1“</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="338"/>
        <source>The link may be out of date, or this service is not available to you. Your services are shown below.</source>
        <translation>Der Link ist vielleicht veraltet, oder dieser Dienst steht Ihnen nicht zur Verfügung. Ihre Dienste sehen Sie unten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="343"/>
        <source>E-mail links cannot be opened here yet</source>
        <translation>E-Mail-Links können hier noch nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="344"/>
        <source>Your IT department has not set up where e-mail links open. Please contact the service desk.</source>
        <translation>Ihre IT hat nicht eingerichtet, wo E-Mail-Links geöffnet werden. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="349"/>
        <source>Chat links cannot be opened here</source>
        <translation>Chat-Links können hier nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="350"/>
        <source>There is no chat among your services. Please contact the service desk.</source>
        <translation>Unter Ihren Diensten gibt es keinen Chat. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="355"/>
        <source>Phone links cannot be opened here</source>
        <translation>Telefon-Links können hier nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="356"/>
        <source>Your IT department has not set up telephony for links. Please dial the number yourself.</source>
        <translation>Ihre IT hat für Links keine Telefonie eingerichtet. Bitte wählen Sie die Nummer selbst.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="361"/>
        <source>This link is too long</source>
        <translation>Dieser Link ist zu lang</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="362"/>
        <source>Links this long are not opened, to protect your computer.</source>
        <translation>So lange Links werden zum Schutz Ihres Rechners nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="366"/>
        <source>This link contains hidden characters</source>
        <translation>Dieser Link enthält versteckte Zeichen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="367"/>
        <source>Hidden or text-direction characters can make a link look like a different one, so it was not opened.</source>
        <translation>Versteckte Zeichen oder Zeichen für die Schreibrichtung können einen Link wie einen anderen aussehen lassen. Deshalb wurde er nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="372"/>
        <source>This link was not opened</source>
        <translation>Dieser Link wurde nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="373"/>
        <source>Its address is not safe: it may imitate another address. The details say why.</source>
        <translation>Seine Adresse ist nicht sicher: Sie könnte eine andere Adresse nachahmen. Die Details nennen den Grund.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="378"/>
        <source>This link asks for something the launcher does not do</source>
        <translation>Dieser Link verlangt etwas, das der Arbeitsplatz nicht tut</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="379"/>
        <source>A link to the launcher can only open one of your services or a search.</source>
        <translation>Ein Link zum Arbeitsplatz kann nur einen Ihrer Dienste oder eine Suche öffnen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="384"/>
        <source>The launcher does not open this kind of link</source>
        <translation>Diese Art von Link öffnet der Arbeitsplatz nicht</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="385"/>
        <source>It opens e-mail, chat, meeting and phone links and links to your services.</source>
        <translation>Er öffnet E-Mail-, Chat-, Besprechungs- und Telefon-Links sowie Links zu Ihren Diensten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="389"/>
        <source>This e-mail link is not valid</source>
        <translation>Dieser E-Mail-Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="390"/>
        <source>This chat link is not valid</source>
        <translation>Dieser Chat-Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="391"/>
        <source>This phone link is not valid</source>
        <translation>Dieser Telefon-Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="394"/>
        <location filename="../../workplace/ui/linkrouting.py" line="395"/>
        <source>This link is not valid</source>
        <translation>Dieser Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="396"/>
        <source>Please check the link or ask whoever sent it.</source>
        <translation>Bitte prüfen Sie den Link oder fragen Sie die Person, die ihn geschickt hat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workplace/ui/window.py" line="354"/>
        <location filename="../../workplace/ui/window.py" line="611"/>
        <source>Workplace</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="359"/>
        <source>Workplace – all services in one place</source>
        <translation>Arbeitsplatz – alle Dienste an einem Ort</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="370"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="373"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation>Pfeiltasten wechseln zwischen Diensten, die Eingabetaste öffnet einen, Strg+D fügt einen Favoriten hinzu oder entfernt ihn</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="222"/>
        <location filename="../../workplace/ui/window.py" line="378"/>
        <source>No services found</source>
        <translation>Keine Dienste gefunden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="523"/>
        <source>No service matches “%1”</source>
        <translation>Kein Dienst passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="525"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation>Versuchen Sie ein anderes Wort, zum Beispiel „Post“ oder „Dateien“. Esc leert die Suche.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="533"/>
        <source>Loading your organisation&apos;s services …</source>
        <translation>Die Dienste Ihrer Organisation werden geladen …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="534"/>
        <source>They come from your organisation&apos;s central service list; this takes a moment on the first start.</source>
        <translation>Sie kommen aus der zentralen Dienstliste Ihrer Organisation; beim ersten Start dauert das einen Moment.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="538"/>
        <source>The services could not be loaded yet</source>
        <translation>Die Dienste konnten noch nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="539"/>
        <source>The central service list is not reachable; the message above says why. The launcher tries again by itself, or press F5.</source>
        <translation>Die zentrale Dienstliste ist nicht erreichbar; die Meldung oben nennt den Grund. Der Arbeitsplatz versucht es selbst erneut, oder drücken Sie F5.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="544"/>
        <source>No services to show</source>
        <translation>Keine Dienste anzuzeigen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="545"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation>Die Konfiguration konnte nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="548"/>
        <source>No services yet</source>
        <translation>Noch keine Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="549"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation>Ihre IT hat für diesen Arbeitsplatz noch keine Dienste eingerichtet.</translation>
    </message>
</context>
<context>
    <name>NextMeetingStrip</name>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="103"/>
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="104"/>
        <source>Join</source>
        <translation>Teilnehmen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="108"/>
        <source>Enter application password…</source>
        <translation>Anwendungspasswort eingeben …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="109"/>
        <source>Enter the calendar&apos;s application password</source>
        <translation>Anwendungspasswort des Kalenders eingeben</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="110"/>
        <source>Sign in to chat…</source>
        <translation>Im Chat anmelden…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="111"/>
        <source>Sign in to the chat again</source>
        <translation>Im Chat erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="149"/>
        <source>Your calendar needs an application password before the next meeting can show here.</source>
        <translation>Ihr Kalender braucht ein Anwendungspasswort, damit hier der nächste Termin erscheinen kann.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="154"/>
        <source>Finishing the sign-in in your browser…</source>
        <translation>Die Anmeldung wird im Browser abgeschlossen…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="155"/>
        <source>The chat needs you to sign in again before it can show unread messages.</source>
        <translation>Der Chat braucht eine neue Anmeldung, bevor er ungelesene Nachrichten zeigen kann.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="160"/>
        <source>Join: %1</source>
        <translation>Teilnehmen: %1</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="92"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="94"/>
        <source>No notifications about mail and meetings; what arrives meanwhile comes in one summary afterwards.</source>
        <translation>Keine Benachrichtigungen zu E-Mails und Terminen; was in der Zeit eintrifft, kommt danach in einer Zusammenfassung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="96"/>
        <source>&amp;Quiet hours every day</source>
        <translation>Täglich eine &amp;Ruhezeit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="97"/>
        <source>&amp;from</source>
        <translation>&amp;von</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="98"/>
        <source>un&amp;til</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="99"/>
        <source>Quiet hours start</source>
        <translation>Beginn der Ruhezeit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="100"/>
        <source>Quiet hours end</source>
        <translation>Ende der Ruhezeit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="101"/>
        <source>Notify me of &amp;new mail (the number only)</source>
        <translation>Bei neuen E-&amp;Mails benachrichtigen (nur die Anzahl)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="102"/>
        <source>Meeting &amp;reminder</source>
        <translation>&amp;Erinnerung an Termine</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="103"/>
        <source>Meeting reminder, minutes before the start</source>
        <translation>Erinnerung an Termine, Minuten vor Beginn</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="104"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="105"/>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="107"/>
        <source>Notifications never show a mail&apos;s subject or sender. While do not disturb is on, nothing is lost: you get one summary when it ends.</source>
        <translation>Benachrichtigungen zeigen nie Betreff oder Absender einer E-Mail. Während „Nicht stören“ an ist, geht nichts verloren: Danach kommt eine Zusammenfassung.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="207"/>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="213"/>
        <source>Starts %1 (%2)</source>
        <translation>Beginnt %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/notifications.py" line="226"/>
        <source>%n meeting(s) starting soon</source>
        <translation>
            <numerusform>%n Termin beginnt bald</numerusform>
            <numerusform>%n Termine beginnen bald</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="228"/>
        <source>While do not disturb was on</source>
        <translation>Während „Nicht stören“ an war</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="230"/>
        <source>Workplace</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="284"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="286"/>
        <source>Join</source>
        <translation>Teilnehmen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="309"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="316"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="317"/>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="340"/>
        <source>&amp;High contrast</source>
        <translation>&amp;Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="341"/>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="258"/>
        <location filename="../../workplace/ui/settingsdialog.py" line="260"/>
        <location filename="../../workplace/ui/settingsdialog.py" line="269"/>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="261"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="261"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="264"/>
        <source>Automatic: on while the connection is metered</source>
        <translation>Automatisch: an bei getakteter Verbindung</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="265"/>
        <source>Always on</source>
        <translation>Immer an</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="266"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="270"/>
        <source>Automatic configuration (PAC file)</source>
        <translation>Automatische Konfiguration (PAC-Datei)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="271"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="272"/>
        <source>No proxy (direct connection)</source>
        <translation>Kein Proxy (direkte Verbindung)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="293"/>
        <source>Follows the high-contrast setting of the system until you change it here.</source>
        <translation>Folgt der Kontrasteinstellung des Systems, bis Sie es hier ändern.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="310"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="311"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="312"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="313"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="318"/>
        <source>In the &amp;office</source>
        <translation>Im &amp;Büro</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="319"/>
        <source>In the &amp;home office</source>
        <translation>Im &amp;Homeoffice</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="320"/>
        <source>On the &amp;move (metered)</source>
        <translation>&amp;Unterwegs (getaktet)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="321"/>
        <source>&amp;Data saver</source>
        <translation>&amp;Sparmodus</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="322"/>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="323"/>
        <source>PAC file &amp;address</source>
        <translation>&amp;Adresse der PAC-Datei</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="324"/>
        <source>&amp;HTTP proxy</source>
        <translation>&amp;HTTP-Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="325"/>
        <source>HTTP&amp;S proxy</source>
        <translation>HTTP&amp;S-Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="326"/>
        <source>&amp;Without proxy</source>
        <translation>&amp;Ohne Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="334"/>
        <source>Check the services in the office</source>
        <translation>Dienste im Büro prüfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="335"/>
        <source>Check the services in the home office</source>
        <translation>Dienste im Homeoffice prüfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="336"/>
        <source>Check the services on the move</source>
        <translation>Dienste unterwegs prüfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="342"/>
        <source>&amp;Start when I sign in to this computer</source>
        <translation>Bei der Anmeldung am Computer &amp;starten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="343"/>
        <source>Open &amp;e-mail links with Arbeitsplatz</source>
        <translation>&amp;E-Mail-Links mit Arbeitsplatz öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="345"/>
        <source>&amp;Notify me when a service becomes unavailable or returns</source>
        <translation>&amp;Benachrichtigen, wenn ein Dienst ausfällt oder wieder erreichbar ist</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="347"/>
        <source>Also notify on &amp;metered connections</source>
        <translation>Auch bei &amp;getakteter Verbindung benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="348"/>
        <source>Check the services</source>
        <translation>Dienste prüfen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="349"/>
        <source>Slow and metered connections</source>
        <translation>Langsame und getaktete Verbindungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="353"/>
        <source>Data saver checks less often, checks only services with a status address, and opens services in their low-bandwidth version where there is one.</source>
        <translation>Der Sparmodus prüft seltener, prüft nur Dienste mit Statusadresse und öffnet Dienste in ihrer sparsamen Version, wo es eine gibt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="358"/>
        <source>empty: like the HTTP proxy</source>
        <translation>leer: wie der HTTP-Proxy</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="361"/>
        <source>Addresses without proxy are separated by commas: a name (with its subdomains), .domain, an IP address or network such as 10.0.0.0/8.</source>
        <translation>Adressen ohne Proxy werden durch Kommas getrennt: ein Name (mit seinen Subdomains), .domain, eine IP-Adresse oder ein Netz wie 10.0.0.0/8.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/settingsdialog.py" line="369"/>
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>alle %n Minute</numerusform>
            <numerusform>alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="380"/>
        <source>Your IT department manages this setting.</source>
        <translation>Diese Einstellung wird von Ihrer IT verwaltet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="389"/>
        <source>Locked by IT: %1</source>
        <translation>Von der IT gesperrt: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="396"/>
        <source>Settings managed by IT</source>
        <translation>Von der IT verwaltete Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="448"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="455"/>
        <source>The proxy address needs a port, e.g. %1.</source>
        <translation>Die Proxy-Adresse braucht einen Port, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="457"/>
        <source>No user name or password here: this file is readable. Use the system proxy settings for a proxy that asks for a password.</source>
        <translation>Bitte keinen Benutzernamen und kein Passwort hier eintragen: Diese Datei ist lesbar. Für einen Proxy mit Passwort die Proxy-Einstellungen des Systems verwenden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="459"/>
        <source>A proxy is written like %1.</source>
        <translation>Ein Proxy wird so angegeben: %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="460"/>
        <source>A proxy address has no path, e.g. %1.</source>
        <translation>Eine Proxy-Adresse hat keinen Pfad, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="461"/>
        <source>The port is not valid, e.g. %1.</source>
        <translation>Der Port ist ungültig, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="478"/>
        <source>Enter the address of the PAC file.</source>
        <translation>Bitte die Adresse der PAC-Datei eingeben.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="480"/>
        <source>Enter the proxy, e.g. %1.</source>
        <translation>Bitte den Proxy eingeben, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="398"/>
        <source>Locked by IT: %1. %2</source>
        <translation>Von der IT festgelegt: %1. %2</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="121"/>
        <source>Favourites are managed by your IT department</source>
        <translation>Die Favoriten werden von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="155"/>
        <source>This setting is managed by your IT department</source>
        <translation>Diese Einstellung wird von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="158"/>
        <source>Your settings could not be saved</source>
        <translation>Ihre Einstellungen konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="166"/>
        <source>Your IT department sets start at login for all users of this computer; it cannot be changed here.</source>
        <translation>Ihre IT-Abteilung legt den Start bei der Anmeldung für alle Benutzer dieses Computers fest; er kann hier nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="170"/>
        <source>The launcher starts when you sign in (%1).</source>
        <translation>Der Arbeitsplatz startet bei Ihrer Anmeldung (%1).</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="174"/>
        <source>The launcher no longer starts when you sign in.</source>
        <translation>Der Arbeitsplatz startet nicht mehr bei Ihrer Anmeldung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="180"/>
        <source>Your IT department decides which program opens e-mail links.</source>
        <translation>Welches Programm E-Mail-Links öffnet, legt Ihre IT fest.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="182"/>
        <source>E-mail links now open with Arbeitsplatz.</source>
        <translation>E-Mail-Links öffnen sich jetzt mit Arbeitsplatz.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="185"/>
        <source>No other program for e-mail links is set up, so they still open with Arbeitsplatz.</source>
        <translation>Für E-Mail-Links ist kein anderes Programm eingerichtet, deshalb öffnen sie sich weiter mit Arbeitsplatz.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="189"/>
        <source>E-mail links no longer open with Arbeitsplatz.</source>
        <translation>E-Mail-Links öffnen sich nicht mehr mit Arbeitsplatz.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="197"/>
        <source>On this computer, choose Arbeitsplatz for e-mail links in the system settings under Default apps, or ask your IT department.</source>
        <translation>Wählen Sie auf diesem Rechner Arbeitsplatz für E-Mail-Links in den Systemeinstellungen unter Standard-Apps, oder fragen Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="201"/>
        <source>The desktop&apos;s link settings (xdg-utils) are not installed on this computer. Please contact the service desk.</source>
        <translation>Die Link-Einstellungen des Desktops (xdg-utils) sind auf diesem Rechner nicht installiert. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="205"/>
        <source>Arbeitsplatz is not installed as a desktop program on this computer, so it cannot open e-mail links. Please contact the service desk.</source>
        <translation>Arbeitsplatz ist auf diesem Rechner nicht als Desktop-Programm installiert und kann deshalb keine E-Mail-Links öffnen. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="211"/>
        <source>The program for e-mail links could not be changed.</source>
        <translation>Das Programm für E-Mail-Links konnte nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="216"/>
        <source>The program for e-mail links could not be changed</source>
        <translation>Das Programm für E-Mail-Links konnte nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="226"/>
        <source>Start at login could not be changed</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../workplace/ui/signin.py" line="405"/>
        <source>Please sign in again</source>
        <translation>Bitte melden Sie sich erneut an</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="408"/>
        <source>Your session as %1 has ended. Sign in once more to keep using your services.</source>
        <translation>Ihre Sitzung als %1 ist abgelaufen. Melden Sie sich noch einmal an, um Ihre Dienste weiter zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="412"/>
        <source>Your session has ended. Sign in once more to keep using your services.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich noch einmal an, um Ihre Dienste weiter zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="414"/>
        <source>Welcome to your workplace</source>
        <translation>Willkommen an Ihrem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="416"/>
        <source>Sign in once with your %1 account. After that, mail, files and all other services open without asking again.</source>
        <translation>Melden Sie sich einmal mit Ihrem %1-Konto an. Danach öffnen sich E-Mail, Dateien und alle anderen Dienste ohne erneute Anmeldung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="424"/>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="426"/>
        <source>Opens the sign-in page in your web browser</source>
        <translation>Öffnet die Anmeldeseite in Ihrem Webbrowser</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="427"/>
        <source>Use a code instead</source>
        <translation>Stattdessen einen Code verwenden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="429"/>
        <source>Sign in on another device, such as your smartphone, with a short code</source>
        <translation>Mit einem kurzen Code auf einem anderen Gerät anmelden, etwa auf Ihrem Smartphone</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="430"/>
        <source>The sign-in page opens in your web browser.</source>
        <translation>Die Anmeldeseite öffnet sich in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="431"/>
        <source>Show services without signing in</source>
        <translation>Dienste ohne Anmeldung ansehen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="432"/>
        <source>Help and service desk</source>
        <translation>Hilfe und Service-Desk</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="433"/>
        <source>Logo of %1</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="435"/>
        <source>Continue in your browser…</source>
        <translation>Weiter in Ihrem Browser …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="437"/>
        <source>The sign-in page of %1 is open in your web browser. Sign in there; this window continues by itself.</source>
        <translation>Die Anmeldeseite von %1 ist in Ihrem Webbrowser geöffnet. Melden Sie sich dort an; dieses Fenster geht danach von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="439"/>
        <source>Waiting for the sign-in in the browser</source>
        <translation>Warten auf die Anmeldung im Browser</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="440"/>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="443"/>
        <source>Closed the page by mistake? This opens the same sign-in page again.</source>
        <translation>Seite versehentlich geschlossen? Damit öffnet sich dieselbe Anmeldeseite erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="444"/>
        <location filename="../../workplace/ui/signin.py" line="452"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="445"/>
        <location filename="../../workplace/ui/signin.py" line="453"/>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="447"/>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="448"/>
        <source>1. On your smartphone or another computer, open:</source>
        <translation>1. Öffnen Sie auf Ihrem Smartphone oder einem anderen Computer:</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="449"/>
        <source>2. Enter this code there and sign in:</source>
        <translation>2. Geben Sie dort diesen Code ein und melden Sie sich an:</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="450"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="451"/>
        <source>Copy the code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="458"/>
        <source>Requesting a code…</source>
        <translation>Code wird angefordert …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="468"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="470"/>
        <source>Waiting for you to enter the code… This window continues by itself.</source>
        <translation>Warten auf die Eingabe des Codes … Dieses Fenster geht danach von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="472"/>
        <source>Or scan this code with your smartphone</source>
        <translation>Oder scannen Sie diesen Code mit Ihrem Smartphone</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="474"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="476"/>
        <source>QR code of the address %1</source>
        <translation>QR-Code der Adresse %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="492"/>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="494"/>
        <source>The code is valid until %1.</source>
        <translation>Der Code ist gültig bis %1 Uhr.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="528"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="67"/>
        <source>Checking connection…</source>
        <translation>Verbindung wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="70"/>
        <source>Wi-Fi login needed</source>
        <translation>WLAN-Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="72"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="73"/>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="73"/>
        <source>Home office</source>
        <translation>Homeoffice</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="74"/>
        <source>On the move</source>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="76"/>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="78"/>
        <source>metered</source>
        <translation>getaktet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="84"/>
        <source>The launcher is finding out how this computer is connected.</source>
        <translation>Der Arbeitsplatz prüft, wie dieser Computer verbunden ist.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="87"/>
        <source>Connected to the agency network. All services can be reached.</source>
        <translation>Mit dem Behördennetz verbunden. Alle Dienste sind erreichbar.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="90"/>
        <source>A login page (for example in a hotel or on a train) blocks the internet. Open it, accept the terms, and the launcher checks again.</source>
        <translation>Eine Anmeldeseite (zum Beispiel im Hotel oder im Zug) sperrt das Internet. Öffnen Sie sie und bestätigen Sie die Bedingungen; danach prüft der Arbeitsplatz erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="95"/>
        <source>There is no network connection. The services are shown, but they cannot be checked or opened until the connection is back.</source>
        <translation>Es besteht keine Netzwerkverbindung. Die Dienste werden angezeigt, können aber erst wieder geprüft und geöffnet werden, wenn die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="99"/>
        <source>Connected over the VPN: intranet services can be reached.</source>
        <translation>Über das VPN verbunden: Intranet-Dienste sind erreichbar.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="102"/>
        <source>Internet without VPN: services marked “intranet or VPN only” cannot be reached.</source>
        <translation>Internet ohne VPN: Dienste mit „nur im Intranet/VPN“ sind nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="105"/>
        <source>Connected to the internet.</source>
        <translation>Mit dem Internet verbunden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="108"/>
        <source>The connection is metered: the launcher checks less often to save data.</source>
        <translation>Die Verbindung ist getaktet: Der Arbeitsplatz prüft seltener, um Datenvolumen zu sparen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="114"/>
        <source>Data saver</source>
        <translation>Sparmodus</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="116"/>
        <source>Data saver is on: background checks run less often, only services with a status address are checked, and services open their low-bandwidth version where there is one.</source>
        <translation>Der Sparmodus ist an: Prüfungen im Hintergrund laufen seltener, nur Dienste mit Statusadresse werden geprüft, und Dienste öffnen ihre sparsame Version, wo es eine gibt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="127"/>
        <source>available</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="128"/>
        <source>slow</source>
        <translation>langsam</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="129"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="130"/>
        <source>intranet or VPN only</source>
        <translation>nur im Intranet/VPN</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="131"/>
        <source>certificate problem</source>
        <translation>Zertifikatsproblem</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="132"/>
        <source>sign-in required</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="133"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="134"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="141"/>
        <source>Available</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="142"/>
        <source>Slow</source>
        <translation>Langsam</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="143"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="144"/>
        <source>Intranet or VPN only</source>
        <translation>Nur im Intranet/VPN</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="145"/>
        <source>Certificate problem</source>
        <translation>Zertifikatsproblem</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="146"/>
        <source>Sign-in required</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="150"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="157"/>
        <source>Answered in %1 ms.</source>
        <translation>Antwort in %1 ms.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="158"/>
        <source>The service answers.</source>
        <translation>Der Dienst antwortet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="160"/>
        <source>The service answers slowly</source>
        <translation>Der Dienst antwortet langsam</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="162"/>
        <source>(%1 ms)</source>
        <translation>(%1 ms)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="166"/>
        <source>The service did not answer. It may be down, or the connection is too slow.</source>
        <translation>Der Dienst hat nicht geantwortet. Er ist vielleicht gestört, oder die Verbindung ist zu langsam.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="170"/>
        <source>This service can only be reached in the agency network or over the VPN. Connect the VPN first.</source>
        <translation>Dieser Dienst ist nur im Behördennetz oder über VPN erreichbar. Bitte zuerst das VPN verbinden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="175"/>
        <source>Its certificate is not trusted. This can be an attack on the connection, or the agency&apos;s own certificate is missing on this computer. Do not enter passwords; please tell the service desk.</source>
        <translation>Seinem Zertifikat wird nicht vertraut. Das kann ein Angriff auf die Verbindung sein, oder das Zertifikat der Behörde fehlt auf diesem Computer. Bitte keine Passwörter eingeben und den Service-Desk informieren.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="180"/>
        <source>The service answers and asks you to sign in.</source>
        <translation>Der Dienst antwortet und verlangt eine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="182"/>
        <location filename="../../workplace/ui/statustext.py" line="189"/>
        <source>Not checked: there is no network connection.</source>
        <translation>Nicht geprüft: Es besteht keine Netzwerkverbindung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="184"/>
        <source>Not checked in this round (data saver, or the time for checks ran out before its turn). It is checked again in the next round.</source>
        <translation>In dieser Runde nicht geprüft (Sparmodus, oder die Zeit für die Prüfung war vor diesem Dienst abgelaufen). Er wird in der nächsten Runde wieder geprüft.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="194"/>
        <source>No service checked</source>
        <translation>Kein Dienst geprüft</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="196"/>
        <source>%1 of %2 services available</source>
        <translation>%1 von %2 Diensten erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="202"/>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="208"/>
        <source>%1 is only reachable in the intranet</source>
        <translation>%1 ist nur im Intranet erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="210"/>
        <source>This service can only be reached in the intranet or over the VPN. Open it anyway?</source>
        <translation>Dieser Dienst ist nur im Intranet oder über VPN erreichbar. Trotzdem öffnen?</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="220"/>
        <source>The last good copy (from %1) is still shown.</source>
        <translation>Die letzte gültige Fassung (vom %1) wird weiter angezeigt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="224"/>
        <source>The services from the local configuration are shown.</source>
        <translation>Die Dienste aus der lokalen Konfiguration werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="227"/>
        <location filename="../../workplace/ui/statustext.py" line="231"/>
        <location filename="../../workplace/ui/statustext.py" line="295"/>
        <source>The central service list could not be updated</source>
        <translation>Die zentrale Dienstliste konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="228"/>
        <source>Its server cannot be reached right now.</source>
        <translation>Ihr Server ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="232"/>
        <source>Its server did not answer in time.</source>
        <translation>Ihr Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="235"/>
        <source>The central service list is not trusted</source>
        <translation>Der zentralen Dienstliste wird nicht vertraut</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="237"/>
        <source>The server&apos;s certificate could not be verified. This can be an attack or a missing agency certificate. Please tell the service desk.</source>
        <translation>Das Zertifikat des Servers konnte nicht geprüft werden. Das kann ein Angriff sein oder ein fehlendes Zertifikat der Behörde. Bitte den Service-Desk informieren.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="242"/>
        <source>The central service list needs a sign-in</source>
        <translation>Die zentrale Dienstliste verlangt eine Anmeldung</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="244"/>
        <source>The server asks for a sign-in the launcher cannot give. Please tell your IT department.</source>
        <translation>Der Server verlangt eine Anmeldung, die der Arbeitsplatz nicht leisten kann. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="249"/>
        <source>The central service list is not signed</source>
        <translation>Die zentrale Dienstliste ist nicht signiert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="251"/>
        <source>Your IT department requires a signature, and this copy has none, so it was not used. Please tell your IT department.</source>
        <translation>Ihre IT-Abteilung verlangt eine Signatur, diese Fassung hat keine und wurde deshalb nicht verwendet. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="256"/>
        <source>The central service list has an invalid signature</source>
        <translation>Die Signatur der zentralen Dienstliste ist ungültig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="258"/>
        <source>It may have been changed on the way, so it was not used. Please tell your IT department.</source>
        <translation>Sie wurde vielleicht unterwegs verändert und deshalb nicht verwendet. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="263"/>
        <source>The central service list cannot be checked</source>
        <translation>Die zentrale Dienstliste kann nicht geprüft werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="265"/>
        <source>The key to check its signature is not valid. Please tell your IT department.</source>
        <translation>Der Schlüssel zur Prüfung ihrer Signatur ist ungültig. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="270"/>
        <source>An older central service list was refused</source>
        <translation>Eine ältere zentrale Dienstliste wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="272"/>
        <source>The server offered an older version than the one in use; that may be a replayed copy, so it was not used.</source>
        <translation>Der Server bot eine ältere Fassung an als die verwendete; das kann eine wiedereingespielte Kopie sein, deshalb wurde sie nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="277"/>
        <source>The central service list contains errors</source>
        <translation>Die zentrale Dienstliste enthält Fehler</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="278"/>
        <location filename="../../workplace/ui/statustext.py" line="282"/>
        <source>It was not used. Please tell your IT department.</source>
        <translation>Sie wurde nicht verwendet. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="281"/>
        <source>The central service list is too large</source>
        <translation>Die zentrale Dienstliste ist zu groß</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="285"/>
        <source>The central service list was not fetched</source>
        <translation>Die zentrale Dienstliste wurde nicht abgerufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="287"/>
        <source>The server redirected to another address, which the launcher does not follow. Please tell your IT department.</source>
        <translation>Der Server leitete auf eine andere Adresse um, der der Arbeitsplatz nicht folgt. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="296"/>
        <source>The server gave an unexpected answer.</source>
        <translation>Der Server gab eine unerwartete Antwort.</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="89"/>
        <source>The network changed. The launcher is checking the connection.</source>
        <translation>Das Netzwerk hat sich geändert. Der Arbeitsplatz prüft die Verbindung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="105"/>
        <source>Wi-Fi login needed</source>
        <translation>WLAN-Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="108"/>
        <source>Open login page</source>
        <translation>Anmeldeseite öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="109"/>
        <source>Opens the login page of this network in your browser</source>
        <translation>Öffnet die Anmeldeseite dieses Netzwerks im Browser</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="113"/>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
</context>
<context>
    <name>TileActions</name>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="280"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="281"/>
        <source>Show menu</source>
        <translation>Menü zeigen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="282"/>
        <source>Focus</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="288"/>
        <source>Opens the service</source>
        <translation>Öffnet den Dienst</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="291"/>
        <source>Shows the service&apos;s menu: open, favourite, copy the address</source>
        <translation>Zeigt das Menü des Dienstes: öffnen, als Favorit markieren, Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="294"/>
        <source>Moves the keyboard focus to the service</source>
        <translation>Setzt den Tastaturfokus auf den Dienst</translation>
    </message>
</context>
<context>
    <name>TileMenu</name>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="39"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="43"/>
        <source>Open the full version</source>
        <translation>Vollständige Version öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="46"/>
        <source>Open the low-bandwidth version</source>
        <translation>Version für langsame Verbindungen öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="49"/>
        <source>Remove from favourites</source>
        <translation>Aus Favoriten entfernen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="49"/>
        <source>Add to favourites</source>
        <translation>Zu Favoriten hinzufügen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="54"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="276"/>
        <source>%n more service(s) changed</source>
        <translation>
            <numerusform>%n weiterer Dienst hat seinen Status geändert</numerusform>
            <numerusform>%n weitere Dienste haben ihren Status geändert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="432"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="434"/>
        <source>Not a favourite</source>
        <translation>Kein Favorit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="466"/>
        <source>In %1, %2. Opens in %3.</source>
        <translation>In %1, %2. Öffnet in %3.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="473"/>
        <source>%1, recently edited document</source>
        <translation>%1, zuletzt bearbeitetes Dokument</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="508"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="516"/>
        <source>Recently edited documents</source>
        <translation>Zuletzt bearbeitete Dokumente</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="530"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="535"/>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="542"/>
        <source>Other services</source>
        <translation>Weitere Dienste</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../workplace/ui/tray.py" line="106"/>
        <source>Open window</source>
        <translation>Fenster öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="109"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="117"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="123"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="166"/>
        <source>Enter application password…</source>
        <translation>Anwendungspasswort eingeben …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="170"/>
        <source>Sign in to chat again…</source>
        <translation>Im Chat erneut anmelden…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="174"/>
        <source>Recently edited…</source>
        <translation>Zuletzt bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="176"/>
        <source>Notifications…</source>
        <translation>Benachrichtigungen…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="181"/>
        <source>Join “%1”</source>
        <translation>An „%1“ teilnehmen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="259"/>
        <source>The notification could not be dismissed</source>
        <translation>Die Benachrichtigung konnte nicht verworfen werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="260"/>
        <source>%1 did not take it. It is shown again until it can be.</source>
        <translation>%1 hat es nicht angenommen. Sie wird wieder angezeigt, bis es gelingt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingview.py" line="292"/>
        <source>%n more announcement(s) after this one.</source>
        <translation>
            <numerusform>Danach folgt %n weitere Mitteilung.</numerusform>
            <numerusform>Danach folgen %n weitere Mitteilungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="295"/>
        <source>More…</source>
        <translation>Mehr…</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="296"/>
        <source>Open the announcement in the portal</source>
        <translation>Die Mitteilung im Portal öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="297"/>
        <source>Announcement from your IT</source>
        <translation>Mitteilung Ihrer IT</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="378"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
</context>
<context>
    <name>WaitingText</name>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="101"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="111"/>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="113"/>
        <source>tomorrow at %1</source>
        <translation>morgen um %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="116"/>
        <source>on %1 at %2</source>
        <translation>am %1 um %2</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="125"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="136"/>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="138"/>
        <source>yesterday at %1</source>
        <translation>gestern um %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="141"/>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="212"/>
        <source>Please sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="214"/>
        <source>Application password needed</source>
        <translation>Anwendungspasswort nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="220"/>
        <source>Next: %1, %2</source>
        <translation>Als Nächstes: %1, %2</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="226"/>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="234"/>
        <source>please sign in again</source>
        <translation>bitte erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="236"/>
        <source>application password needed</source>
        <translation>Anwendungspasswort nötig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilewaiting.py" line="75"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>WaitingWords</name>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="30"/>
        <source>running for %n min</source>
        <translation>
            <numerusform>läuft seit %n Min.</numerusform>
            <numerusform>läuft seit %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="33"/>
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="36"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="39"/>
        <source>%n new e-mail(s)</source>
        <translation>
            <numerusform>%n neue E-Mail</numerusform>
            <numerusform>%n neue E-Mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="42"/>
        <source>%n unread e-mail(s)</source>
        <translation>
            <numerusform>%n ungelesene E-Mail</numerusform>
            <numerusform>%n ungelesene E-Mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="45"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="48"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="51"/>
        <source>%n room(s) with unread messages</source>
        <translation>
            <numerusform>%n Raum mit ungelesenen Nachrichten</numerusform>
            <numerusform>%n Räume mit ungelesenen Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="54"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="57"/>
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n Benachrichtigung</numerusform>
            <numerusform>%n Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="60"/>
        <source>%n new file notification(s)</source>
        <translation>
            <numerusform>%n neue Dateibenachrichtigung</numerusform>
            <numerusform>%n neue Dateibenachrichtigungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="63"/>
        <source>%n new announcement(s)</source>
        <translation>
            <numerusform>%n neue Mitteilung</numerusform>
            <numerusform>%n neue Mitteilungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="66"/>
        <source>%n room(s) with new messages</source>
        <translation>
            <numerusform>%n Raum mit neuen Nachrichten</numerusform>
            <numerusform>%n Räume mit neuen Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="69"/>
        <source>%n new mention(s)</source>
        <translation>
            <numerusform>%n neue Erwähnung</numerusform>
            <numerusform>%n neue Erwähnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteErrorTexts</name>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="45"/>
        <source>The folder %1 is read-only.</source>
        <translation>Der Ordner %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="46"/>
        <source>The folder for your settings is read-only.</source>
        <translation>Der Ordner für Ihre Einstellungen ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="49"/>
        <source>You may not write to the folder %1.</source>
        <translation>Sie dürfen nicht in den Ordner %1 schreiben.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="50"/>
        <source>You may not write to the folder for your settings.</source>
        <translation>Sie dürfen nicht in den Ordner für Ihre Einstellungen schreiben.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="52"/>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="55"/>
        <source>A file in the folder %1 could not be written.</source>
        <translation>Eine Datei im Ordner %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="58"/>
        <source>A file could not be written.</source>
        <translation>Eine Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="59"/>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="65"/>
        <source>Please tell your IT department or the service desk.</source>
        <translation>Bitte informieren Sie Ihre IT-Abteilung oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="67"/>
        <source>Please free some space, then try again.</source>
        <translation>Bitte schaffen Sie Platz und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="68"/>
        <source>Please try again. If it happens again, tell the service desk.</source>
        <translation>Bitte versuchen Sie es erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="73"/>
        <source>Your change was not kept.</source>
        <translation>Ihre Änderung wurde nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="78"/>
        <source>Start at login could not be changed.</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden.</translation>
    </message>
</context>
</TS>
