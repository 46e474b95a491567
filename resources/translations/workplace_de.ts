<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="140"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="145"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="148"/>
        <location filename="../../workplace/ui/header.py" line="149"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="150"/>
        <source>Sign in to your organisation</source>
        <translation>Bei Ihrer Organisation anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="151"/>
        <source>Your account and sign-out</source>
        <translation>Ihr Konto und Abmeldung</translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="98"/>
        <source>Not remembered on this computer</source>
        <translation>Auf diesem Computer nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="101"/>
        <source>Session holds until %1</source>
        <translation>Sitzung gültig bis %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="103"/>
        <source>Remembered on this computer</source>
        <translation>Auf diesem Computer gespeichert</translation>
    </message>
</context>
<context>
    <name>AuthTexts</name>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="29"/>
        <source>The sign-in service cannot be reached</source>
        <translation>Der Anmeldedienst ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="31"/>
        <source>Please check your network connection (and the VPN, if you work from home), then try again.</source>
        <translation>Bitte prüfen Sie Ihre Netzwerkverbindung (und im Homeoffice das VPN) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="37"/>
        <source>The connection to the sign-in service is not trusted</source>
        <translation>Die Verbindung zum Anmeldedienst ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="39"/>
        <source>Its certificate could not be verified, so nothing was sent. Please tell your IT department or the service desk.</source>
        <translation>Sein Zertifikat konnte nicht geprüft werden, daher wurde nichts gesendet. Bitte informieren Sie Ihre IT-Abteilung oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="45"/>
        <source>The sign-in took too long</source>
        <translation>Die Anmeldung hat zu lange gedauert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="47"/>
        <source>The sign-in service did not answer in time, or the sign-in was not finished. Please try again.</source>
        <translation>Der Anmeldedienst hat nicht rechtzeitig geantwortet, oder die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="52"/>
        <source>Sign-in was cancelled</source>
        <translation>Die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="55"/>
        <source>Sign-in was denied</source>
        <translation>Die Anmeldung wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="57"/>
        <source>The sign-in page reported that it was cancelled or that access was refused. Please try again or contact the service desk.</source>
        <translation>Die Anmeldeseite meldet, dass die Anmeldung abgebrochen oder der Zugriff verweigert wurde. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="63"/>
        <source>A sign-in is already in progress</source>
        <translation>Eine Anmeldung läuft bereits</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="64"/>
        <source>Please finish it in your browser or cancel it first.</source>
        <translation>Bitte schließen Sie sie in Ihrem Browser ab oder brechen Sie sie zuerst ab.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="68"/>
        <source>No web browser could be opened</source>
        <translation>Es konnte kein Webbrowser geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="70"/>
        <source>Choose “Use a code instead” to sign in on another device, for example your smartphone.</source>
        <translation>Wählen Sie „Stattdessen einen Code verwenden“, um sich auf einem anderen Gerät anzumelden, zum Beispiel auf Ihrem Smartphone.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="76"/>
        <source>The sign-in could not be completed safely</source>
        <translation>Die Anmeldung konnte nicht sicher abgeschlossen werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="78"/>
        <source>The answer from the sign-in page did not belong to this sign-in, so it was rejected. Please try again.</source>
        <translation>Die Antwort der Anmeldeseite gehörte nicht zu dieser Anmeldung und wurde daher abgewiesen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="84"/>
        <source>The answer came from an unexpected sign-in service</source>
        <translation>Die Antwort kam von einem unerwarteten Anmeldedienst</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="85"/>
        <source>For your protection it was rejected. Please tell your IT department.</source>
        <translation>Zu Ihrem Schutz wurde sie abgewiesen. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="89"/>
        <source>The sign-in service does not meet the security rules</source>
        <translation>Der Anmeldedienst erfüllt die Sicherheitsregeln nicht</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="91"/>
        <source>For your protection no sign-in was attempted. Please tell your IT department.</source>
        <translation>Zu Ihrem Schutz wurde keine Anmeldung versucht. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="96"/>
        <source>The sign-in service sent an invalid answer</source>
        <translation>Der Anmeldedienst hat eine ungültige Antwort gesendet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="98"/>
        <source>For your protection the sign-in was rejected. Please try again; if it happens again, contact the service desk.</source>
        <translation>Zu Ihrem Schutz wurde die Anmeldung abgewiesen. Bitte versuchen Sie es erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="104"/>
        <source>This computer&apos;s clock is wrong</source>
        <translation>Die Uhr dieses Computers geht falsch</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="106"/>
        <source>Please correct the date and time (or ask your IT department), then sign in again.</source>
        <translation>Bitte korrigieren Sie Datum und Uhrzeit (oder bitten Sie Ihre IT-Abteilung darum) und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="111"/>
        <source>Your session has ended</source>
        <translation>Ihre Sitzung ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="111"/>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="114"/>
        <source>The code has expired</source>
        <translation>Der Code ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="115"/>
        <source>Please request a new code and enter it within the time shown.</source>
        <translation>Bitte fordern Sie einen neuen Code an und geben Sie ihn innerhalb der angezeigten Zeit ein.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>The sign-in service reported an error</source>
        <translation>Der Anmeldedienst hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="120"/>
        <source>Please try again later; if it happens again, contact the service desk.</source>
        <translation>Bitte versuchen Sie es später erneut; wenn es wieder geschieht, wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="124"/>
        <source>Your sign-in will not be remembered</source>
        <translation>Ihre Anmeldung wird nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="126"/>
        <source>This computer has no secure password store (keyring), so you will be asked to sign in again when the launcher restarts. Everything else works as usual.</source>
        <translation>Dieser Computer hat keinen sicheren Passwortspeicher (Schlüsselbund). Nach einem Neustart des Arbeitsplatzes werden Sie daher erneut um die Anmeldung gebeten. Alles andere funktioniert wie gewohnt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="132"/>
        <source>Your sign-in could not be saved</source>
        <translation>Ihre Anmeldung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="134"/>
        <source>The secure password store (keyring) did not accept it, so you will be asked to sign in again when the launcher restarts.</source>
        <translation>Der sichere Passwortspeicher (Schlüsselbund) hat sie nicht angenommen. Nach einem Neustart des Arbeitsplatzes werden Sie daher erneut um die Anmeldung gebeten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="140"/>
        <source>Sign-in is not set up</source>
        <translation>Die Anmeldung ist nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="142"/>
        <source>No sign-in service is configured for this organisation. Please tell your IT department.</source>
        <translation>Für diese Organisation ist kein Anmeldedienst eingerichtet. Bitte informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="147"/>
        <source>Sign-in failed</source>
        <translation>Die Anmeldung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="148"/>
        <source>An unexpected error occurred. Please try again or contact the service desk.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="153"/>
        <source>Offline – the session is renewed automatically</source>
        <translation>Offline – die Sitzung wird automatisch erneuert</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="155"/>
        <source>The sign-in service is not trusted right now</source>
        <translation>Der Anmeldedienst ist derzeit nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="156"/>
        <source>The session could not be renewed – retrying</source>
        <translation>Die Sitzung konnte nicht erneuert werden – neuer Versuch folgt</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="87"/>
        <location filename="../../workplace/ui/banner.py" line="88"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="90"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation>Details in die Zwischenablage kopieren, z. B. für den Service-Desk</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="92"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="93"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="105"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="247"/>
        <source>Logo of %1</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="275"/>
        <source>Search services (Ctrl+F)</source>
        <translation>Dienste durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="276"/>
        <source>Search services</source>
        <translation>Dienste durchsuchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="278"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation>Tippen, um die Dienste nach Name, Beschreibung oder Stichwort zu filtern</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="280"/>
        <source>Help and service desk (F1)</source>
        <translation>Hilfe und Service-Desk (F1)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="281"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="283"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation>Kontakt zum Service-Desk und Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="285"/>
        <location filename="../../workplace/ui/header.py" line="286"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="288"/>
        <source>Language, colours and behaviour of the window</source>
        <translation>Sprache, Farben und Verhalten des Fensters</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="40"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="45"/>
        <source>Service desk of %1</source>
        <translation>Service-Desk – %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="78"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="80"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="82"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="84"/>
        <source>Your IT department has not configured a service desk.</source>
        <translation>Ihre IT hat keinen Service-Desk hinterlegt.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="90"/>
        <source>Type anywhere or Ctrl+F</source>
        <translation>Einfach lostippen oder Strg+F</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="90"/>
        <source>search</source>
        <translation>suchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="91"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="91"/>
        <source>clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="92"/>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="92"/>
        <source>move between tiles</source>
        <translation>zwischen Kacheln wechseln</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="93"/>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="93"/>
        <source>open the service</source>
        <translation>Dienst öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="94"/>
        <source>Ctrl+D</source>
        <translation>Strg+D</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="94"/>
        <source>add to or remove from favourites</source>
        <translation>zu Favoriten hinzufügen oder entfernen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>Menu key or Shift+F10</source>
        <translation>Menütaste oder Umschalt+F10</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>more actions for a tile</source>
        <translation>weitere Aktionen für eine Kachel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="102"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="106"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>Arbeitsplatz %1</source>
        <translation>Arbeitsplatz %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workplace/ui/window.py" line="183"/>
        <source>Workplace – all services in one place</source>
        <translation>Arbeitsplatz – alle Dienste an einem Ort</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="192"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="195"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation>Pfeiltasten wechseln zwischen Diensten, die Eingabetaste öffnet einen, Strg+D fügt einen Favoriten hinzu oder entfernt ihn</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="199"/>
        <source>No services found</source>
        <translation>Keine Dienste gefunden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="241"/>
        <source>The configuration has warnings</source>
        <translation>Die Konfiguration enthält Warnungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="243"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation>Der Arbeitsplatz funktioniert normal. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="247"/>
        <source>The configuration could not be read completely</source>
        <translation>Die Konfiguration konnte nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <source>The launcher keeps working with the last good configuration. Please tell your IT department or the service desk.</source>
        <translation type="vanished">Der Arbeitsplatz arbeitet mit der letzten gültigen Konfiguration weiter. Bitte informieren Sie Ihre IT oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="250"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation>Der Arbeitsplatz läuft mit dem weiter, was er lesen konnte. Bitte informieren Sie Ihre IT oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="317"/>
        <source>No service matches “%1”</source>
        <translation>Kein Dienst passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="319"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation>Versuchen Sie ein anderes Wort, zum Beispiel „Post“ oder „Dateien“. Esc leert die Suche.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="322"/>
        <source>No services to show</source>
        <translation>Keine Dienste anzuzeigen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="324"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation>Die Konfiguration konnte nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="327"/>
        <source>No services yet</source>
        <translation>Noch keine Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="329"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation>Ihre IT hat für diesen Arbeitsplatz noch keine Dienste eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="361"/>
        <source>Favourites are managed by your IT department</source>
        <translation>Die Favoriten werden von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="392"/>
        <source>This setting is managed by your IT department</source>
        <translation>Diese Einstellung wird von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="395"/>
        <source>Your settings could not be saved</source>
        <translation>Ihre Einstellungen konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="454"/>
        <source>%1 could not be opened</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="460"/>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="467"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation>Die Adresse ist keine sichere Webadresse und wurde deshalb nicht geöffnet. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="471"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation>Es konnte kein Webbrowser gestartet werden. Bitte prüfen Sie, ob ein Standardbrowser eingestellt ist.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="474"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation>Die Anwendung ist auf diesem Computer nicht installiert. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="478"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation>Die Anwendung konnte nicht gestartet werden. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="482"/>
        <source>The service could not be opened.</source>
        <translation>Der Dienst konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="493"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="496"/>
        <source>Open the low-bandwidth version</source>
        <translation>Version für langsame Verbindungen öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="500"/>
        <source>Remove from favourites</source>
        <translation>Aus Favoriten entfernen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="500"/>
        <source>Add to favourites</source>
        <translation>Zu Favoriten hinzufügen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="505"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="167"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="168"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="169"/>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="170"/>
        <source>&amp;High contrast</source>
        <translation>&amp;Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="172"/>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="176"/>
        <location filename="../../workplace/ui/dialogs.py" line="183"/>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="184"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="185"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="194"/>
        <source>Your IT department manages this setting.</source>
        <translation>Diese Einstellung wird von Ihrer IT verwaltet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="198"/>
        <location filename="../../workplace/ui/dialogs.py" line="211"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="199"/>
        <location filename="../../workplace/ui/dialogs.py" line="212"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="200"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="201"/>
        <source>Tray</source>
        <translation>Infobereich</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="207"/>
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="215"/>
        <source>Locked by IT: %1. %2</source>
        <translation>Von der IT festgelegt: %1. %2</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../workplace/ui/signin.py" line="348"/>
        <source>Please sign in again</source>
        <translation>Bitte melden Sie sich erneut an</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="351"/>
        <source>Your session as %1 has ended. Sign in once more to keep using your services.</source>
        <translation>Ihre Sitzung als %1 ist abgelaufen. Melden Sie sich noch einmal an, um Ihre Dienste weiter zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="355"/>
        <source>Your session has ended. Sign in once more to keep using your services.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich noch einmal an, um Ihre Dienste weiter zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="357"/>
        <source>Welcome to your workplace</source>
        <translation>Willkommen an Ihrem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="359"/>
        <source>Sign in once with your %1 account. After that, mail, files and all other services open without asking again.</source>
        <translation>Melden Sie sich einmal mit Ihrem %1-Konto an. Danach öffnen sich E-Mail, Dateien und alle anderen Dienste ohne erneute Anmeldung.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="367"/>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="369"/>
        <source>Opens the sign-in page in your web browser</source>
        <translation>Öffnet die Anmeldeseite in Ihrem Webbrowser</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="370"/>
        <source>Use a code instead</source>
        <translation>Stattdessen einen Code verwenden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="372"/>
        <source>Sign in on another device, such as your smartphone, with a short code</source>
        <translation>Mit einem kurzen Code auf einem anderen Gerät anmelden, etwa auf Ihrem Smartphone</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="373"/>
        <source>The sign-in page opens in your web browser.</source>
        <translation>Die Anmeldeseite öffnet sich in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="374"/>
        <source>Show services without signing in</source>
        <translation>Dienste ohne Anmeldung ansehen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="375"/>
        <source>Help and service desk</source>
        <translation>Hilfe und Service-Desk</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="376"/>
        <source>Logo of %1</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="378"/>
        <source>Continue in your browser…</source>
        <translation>Weiter in Ihrem Browser …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="380"/>
        <source>The sign-in page of %1 is open in your web browser. Sign in there; this window continues by itself.</source>
        <translation>Die Anmeldeseite von %1 ist in Ihrem Webbrowser geöffnet. Melden Sie sich dort an; dieses Fenster geht danach von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="382"/>
        <source>Waiting for the sign-in in the browser</source>
        <translation>Warten auf die Anmeldung im Browser</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="383"/>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="386"/>
        <source>Closed the page by mistake? This opens the same sign-in page again.</source>
        <translation>Seite versehentlich geschlossen? Damit öffnet sich dieselbe Anmeldeseite erneut.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="387"/>
        <location filename="../../workplace/ui/signin.py" line="395"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="388"/>
        <location filename="../../workplace/ui/signin.py" line="396"/>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="390"/>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="391"/>
        <source>1. On your smartphone or another computer, open:</source>
        <translation>1. Öffnen Sie auf Ihrem Smartphone oder einem anderen Computer:</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="392"/>
        <source>2. Enter this code there and sign in:</source>
        <translation>2. Geben Sie dort diesen Code ein und melden Sie sich an:</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="393"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="394"/>
        <source>Copy the code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="401"/>
        <source>Requesting a code…</source>
        <translation>Code wird angefordert …</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="408"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="410"/>
        <source>Waiting for you to enter the code… This window continues by itself.</source>
        <translation>Warten auf die Eingabe des Codes … Dieses Fenster geht danach von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="412"/>
        <source>Or scan this code with your smartphone</source>
        <translation>Oder scannen Sie diesen Code mit Ihrem Smartphone</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="414"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="416"/>
        <source>QR code of the address %1</source>
        <translation>QR-Code der Adresse %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="432"/>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="434"/>
        <source>The code is valid until %1.</source>
        <translation>Der Code ist gültig bis %1 Uhr.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="481"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="196"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="198"/>
        <source>Not a favourite</source>
        <translation>Kein Favorit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="222"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="235"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="240"/>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="247"/>
        <source>Other services</source>
        <translation>Weitere Dienste</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../workplace/ui/tray.py" line="54"/>
        <source>Open window</source>
        <translation>Fenster öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="57"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="65"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
</TS>
