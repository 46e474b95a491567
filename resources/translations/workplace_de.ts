<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="85"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="89"/>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="92"/>
        <location filename="../../workplace/ui/header.py" line="93"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="94"/>
        <source>Sign in to your organisation</source>
        <translation>Bei Ihrer Organisation anmelden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="95"/>
        <source>Your account and sign-out</source>
        <translation>Ihr Konto und Abmeldung</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="77"/>
        <location filename="../../workplace/ui/banner.py" line="78"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="80"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation>Details in die Zwischenablage kopieren, z. B. für den Service-Desk</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="82"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="83"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="95"/>
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
        <location filename="../../workplace/ui/header.py" line="189"/>
        <source>Logo of %1</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="217"/>
        <source>Search services (Ctrl+F)</source>
        <translation>Dienste durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="218"/>
        <source>Search services</source>
        <translation>Dienste durchsuchen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="220"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation>Tippen, um die Dienste nach Name, Beschreibung oder Stichwort zu filtern</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="222"/>
        <source>Help and service desk (F1)</source>
        <translation>Hilfe und Service-Desk (F1)</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="223"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="225"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation>Kontakt zum Service-Desk und Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="227"/>
        <location filename="../../workplace/ui/header.py" line="228"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="230"/>
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
        <location filename="../../workplace/ui/window.py" line="173"/>
        <source>Workplace – all services in one place</source>
        <translation>Arbeitsplatz – alle Dienste an einem Ort</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="180"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="183"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation>Pfeiltasten wechseln zwischen Diensten, die Eingabetaste öffnet einen, Strg+D fügt einen Favoriten hinzu oder entfernt ihn</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="187"/>
        <source>No services found</source>
        <translation>Keine Dienste gefunden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="226"/>
        <source>The configuration has warnings</source>
        <translation>Die Konfiguration enthält Warnungen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="228"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation>Der Arbeitsplatz funktioniert normal. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="232"/>
        <source>The configuration could not be read completely</source>
        <translation>Die Konfiguration konnte nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <source>The launcher keeps working with the last good configuration. Please tell your IT department or the service desk.</source>
        <translation>Der Arbeitsplatz arbeitet mit der letzten gültigen Konfiguration weiter. Bitte informieren Sie Ihre IT oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="235"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation>Der Arbeitsplatz läuft mit dem weiter, was er lesen konnte. Bitte informieren Sie Ihre IT oder den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="280"/>
        <source>No service matches “%1”</source>
        <translation>Kein Dienst passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="282"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation>Versuchen Sie ein anderes Wort, zum Beispiel „Post“ oder „Dateien“. Esc leert die Suche.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="285"/>
        <source>No services to show</source>
        <translation>Keine Dienste anzuzeigen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="287"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation>Die Konfiguration konnte nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="290"/>
        <source>No services yet</source>
        <translation>Noch keine Dienste</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="292"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation>Ihre IT hat für diesen Arbeitsplatz noch keine Dienste eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="324"/>
        <source>Favourites are managed by your IT department</source>
        <translation>Die Favoriten werden von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="355"/>
        <source>This setting is managed by your IT department</source>
        <translation>Diese Einstellung wird von Ihrer IT verwaltet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="358"/>
        <source>Your settings could not be saved</source>
        <translation>Ihre Einstellungen konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="417"/>
        <source>%1 could not be opened</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="423"/>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="430"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation>Die Adresse ist keine sichere Webadresse und wurde deshalb nicht geöffnet. Bitte informieren Sie Ihre IT.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="434"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation>Es konnte kein Webbrowser gestartet werden. Bitte prüfen Sie, ob ein Standardbrowser eingestellt ist.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="437"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation>Die Anwendung ist auf diesem Computer nicht installiert. Bitte wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="441"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation>Die Anwendung konnte nicht gestartet werden. Bitte versuchen Sie es erneut oder wenden Sie sich an den Service-Desk.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="445"/>
        <source>The service could not be opened.</source>
        <translation>Der Dienst konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="456"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="459"/>
        <source>Open the low-bandwidth version</source>
        <translation>Version für langsame Verbindungen öffnen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="463"/>
        <source>Remove from favourites</source>
        <translation>Aus Favoriten entfernen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="463"/>
        <source>Add to favourites</source>
        <translation>Zu Favoriten hinzufügen</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="468"/>
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
    <name>TileModel</name>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="195"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="197"/>
        <source>Not a favourite</source>
        <translation>Kein Favorit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="221"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="234"/>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="239"/>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="246"/>
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
