<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="85"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="89"/>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="92"/>
        <location filename="../../workplace/ui/header.py" line="93"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="94"/>
        <source>Sign in to your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="95"/>
        <source>Your account and sign-out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="77"/>
        <location filename="../../workplace/ui/banner.py" line="78"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="80"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="82"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="83"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="95"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="189"/>
        <source>Logo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="217"/>
        <source>Search services (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="218"/>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="220"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="222"/>
        <source>Help and service desk (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="223"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="225"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="227"/>
        <location filename="../../workplace/ui/header.py" line="228"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="230"/>
        <source>Language, colours and behaviour of the window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="40"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="45"/>
        <source>Service desk of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="78"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="80"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="82"/>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="84"/>
        <source>Your IT department has not configured a service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="90"/>
        <source>Type anywhere or Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="90"/>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="91"/>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="91"/>
        <source>clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="92"/>
        <source>Arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="92"/>
        <source>move between tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="93"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="93"/>
        <source>open the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="94"/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="94"/>
        <source>add to or remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>Menu key or Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>more actions for a tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="102"/>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="106"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>Arbeitsplatz %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workplace/ui/window.py" line="173"/>
        <source>Workplace – all services in one place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="180"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="183"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="187"/>
        <source>No services found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="226"/>
        <source>The configuration has warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="228"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="232"/>
        <source>The configuration could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="235"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="280"/>
        <source>No service matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="282"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="285"/>
        <source>No services to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="287"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="290"/>
        <source>No services yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="292"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="324"/>
        <source>Favourites are managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="355"/>
        <source>This setting is managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="358"/>
        <source>Your settings could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="417"/>
        <source>%1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="423"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="430"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="434"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="437"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="441"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="445"/>
        <source>The service could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="456"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="459"/>
        <source>Open the low-bandwidth version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="463"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="463"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="468"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="167"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="168"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="169"/>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="170"/>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="172"/>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="176"/>
        <location filename="../../workplace/ui/dialogs.py" line="183"/>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="184"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="185"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="194"/>
        <source>Your IT department manages this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="198"/>
        <location filename="../../workplace/ui/dialogs.py" line="211"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="199"/>
        <location filename="../../workplace/ui/dialogs.py" line="212"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="200"/>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="201"/>
        <source>Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="207"/>
        <source>Locked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="215"/>
        <source>Locked by IT: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="195"/>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="197"/>
        <source>Not a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="221"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="234"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="239"/>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="246"/>
        <source>Other services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../workplace/ui/tray.py" line="54"/>
        <source>Open window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="57"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="65"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
