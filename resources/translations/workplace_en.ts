<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="140"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="145"/>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="148"/>
        <location filename="../../workplace/ui/header.py" line="149"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="150"/>
        <source>Sign in to your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="151"/>
        <source>Your account and sign-out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="98"/>
        <source>Not remembered on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="101"/>
        <source>Session holds until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="103"/>
        <source>Remembered on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthTexts</name>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="29"/>
        <source>The sign-in service cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="31"/>
        <source>Please check your network connection (and the VPN, if you work from home), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="37"/>
        <source>The connection to the sign-in service is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="39"/>
        <source>Its certificate could not be verified, so nothing was sent. Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="45"/>
        <source>The sign-in took too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="47"/>
        <source>The sign-in service did not answer in time, or the sign-in was not finished. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="52"/>
        <source>Sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="55"/>
        <source>Sign-in was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="57"/>
        <source>The sign-in page reported that it was cancelled or that access was refused. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="63"/>
        <source>A sign-in is already in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="64"/>
        <source>Please finish it in your browser or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="68"/>
        <source>No web browser could be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="70"/>
        <source>Choose “Use a code instead” to sign in on another device, for example your smartphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="76"/>
        <source>The sign-in could not be completed safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="78"/>
        <source>The answer from the sign-in page did not belong to this sign-in, so it was rejected. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="84"/>
        <source>The answer came from an unexpected sign-in service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="85"/>
        <source>For your protection it was rejected. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="89"/>
        <source>The sign-in service does not meet the security rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="91"/>
        <source>For your protection no sign-in was attempted. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="96"/>
        <source>The sign-in service sent an invalid answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="98"/>
        <source>For your protection the sign-in was rejected. Please try again; if it happens again, contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="104"/>
        <source>This computer&apos;s clock is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="106"/>
        <source>Please correct the date and time (or ask your IT department), then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="111"/>
        <source>Your session has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="111"/>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="114"/>
        <source>The code has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="115"/>
        <source>Please request a new code and enter it within the time shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>The sign-in service reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="120"/>
        <source>Please try again later; if it happens again, contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="124"/>
        <source>Your sign-in will not be remembered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="126"/>
        <source>This computer has no secure password store (keyring), so you will be asked to sign in again when the launcher restarts. Everything else works as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="132"/>
        <source>Your sign-in could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="134"/>
        <source>The secure password store (keyring) did not accept it, so you will be asked to sign in again when the launcher restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="140"/>
        <source>Sign-in is not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="142"/>
        <source>No sign-in service is configured for this organisation. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="147"/>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="148"/>
        <source>An unexpected error occurred. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="153"/>
        <source>Offline – the session is renewed automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="155"/>
        <source>The sign-in service is not trusted right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="156"/>
        <source>The session could not be renewed – retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="87"/>
        <location filename="../../workplace/ui/banner.py" line="88"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="90"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="92"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="93"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="105"/>
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
        <location filename="../../workplace/ui/header.py" line="247"/>
        <source>Logo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="275"/>
        <source>Search services (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="276"/>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="278"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="280"/>
        <source>Help and service desk (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="281"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="283"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="285"/>
        <location filename="../../workplace/ui/header.py" line="286"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="288"/>
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
        <location filename="../../workplace/ui/window.py" line="183"/>
        <source>Workplace – all services in one place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="192"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="195"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="199"/>
        <source>No services found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="241"/>
        <source>The configuration has warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="243"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="247"/>
        <source>The configuration could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="250"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="317"/>
        <source>No service matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="319"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="322"/>
        <source>No services to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="324"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="327"/>
        <source>No services yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="329"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="361"/>
        <source>Favourites are managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="392"/>
        <source>This setting is managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="395"/>
        <source>Your settings could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="454"/>
        <source>%1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="460"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="467"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="471"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="474"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="478"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="482"/>
        <source>The service could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="493"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="496"/>
        <source>Open the low-bandwidth version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="500"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="500"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="505"/>
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
    <name>SignInPage</name>
    <message>
        <location filename="../../workplace/ui/signin.py" line="348"/>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="351"/>
        <source>Your session as %1 has ended. Sign in once more to keep using your services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="355"/>
        <source>Your session has ended. Sign in once more to keep using your services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="357"/>
        <source>Welcome to your workplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="359"/>
        <source>Sign in once with your %1 account. After that, mail, files and all other services open without asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="367"/>
        <source>Sign in with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="369"/>
        <source>Opens the sign-in page in your web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="370"/>
        <source>Use a code instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="372"/>
        <source>Sign in on another device, such as your smartphone, with a short code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="373"/>
        <source>The sign-in page opens in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="374"/>
        <source>Show services without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="375"/>
        <source>Help and service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="376"/>
        <source>Logo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="378"/>
        <source>Continue in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="380"/>
        <source>The sign-in page of %1 is open in your web browser. Sign in there; this window continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="382"/>
        <source>Waiting for the sign-in in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="383"/>
        <source>Open the browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="386"/>
        <source>Closed the page by mistake? This opens the same sign-in page again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="387"/>
        <location filename="../../workplace/ui/signin.py" line="395"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="388"/>
        <location filename="../../workplace/ui/signin.py" line="396"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="390"/>
        <source>Sign in with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="391"/>
        <source>1. On your smartphone or another computer, open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="392"/>
        <source>2. Enter this code there and sign in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="393"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="394"/>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="401"/>
        <source>Requesting a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="408"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="410"/>
        <source>Waiting for you to enter the code… This window continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="412"/>
        <source>Or scan this code with your smartphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="414"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="416"/>
        <source>QR code of the address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="432"/>
        <source>The code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="434"/>
        <source>The code is valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="481"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="196"/>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="198"/>
        <source>Not a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="222"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="235"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="240"/>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="247"/>
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
