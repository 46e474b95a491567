<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountButton</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="240"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="246"/>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="252"/>
        <location filename="../../workplace/ui/header.py" line="253"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="254"/>
        <location filename="../../workplace/ui/header.py" line="255"/>
        <source>Sign in to your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="249"/>
        <source>Your account and sign-out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="152"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="159"/>
        <source>Not remembered on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="162"/>
        <source>Session holds until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/accountview.py" line="164"/>
        <source>Remembered on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppPasswordDialog</name>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="34"/>
        <source>Application password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="36"/>
        <source>Your calendar is read with an application password, not with your sign-in. Create one in the webmail under Settings › Security › Application passwords and enter it here once. It is kept in this computer&apos;s secure keyring and forgotten when you sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="51"/>
        <source>&amp;Application password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="54"/>
        <source>Application password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="61"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/apppassword.py" line="100"/>
        <source>The password could not be kept: this computer has no secure keyring available. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthTexts</name>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="37"/>
        <source>The sign-in service cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="39"/>
        <source>Please check your network connection (and the VPN, if you work from home), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="45"/>
        <source>The connection to the sign-in service is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="47"/>
        <source>Its certificate could not be verified, so nothing was sent. Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="53"/>
        <source>The sign-in took too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="55"/>
        <source>The sign-in service did not answer in time, or the sign-in was not finished. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="60"/>
        <source>Sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="63"/>
        <source>Sign-in was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="65"/>
        <source>The sign-in page reported that it was cancelled or that access was refused. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="71"/>
        <source>A sign-in is already in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="72"/>
        <source>Please finish it in your browser or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="76"/>
        <source>No web browser could be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="78"/>
        <source>Choose “Use a code instead” to sign in on another device, for example your smartphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="84"/>
        <source>The sign-in could not be completed safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="86"/>
        <source>The answer from the sign-in page did not belong to this sign-in, so it was rejected. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="92"/>
        <source>The answer came from an unexpected sign-in service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="93"/>
        <source>For your protection it was rejected. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="97"/>
        <source>The sign-in service does not meet the security rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="99"/>
        <source>For your protection no sign-in was attempted. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="104"/>
        <source>The sign-in service sent an invalid answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="106"/>
        <source>For your protection the sign-in was rejected. Please try again; if it happens again, contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="112"/>
        <source>This computer&apos;s clock is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="114"/>
        <source>Please correct the date and time (or ask your IT department), then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>Your session has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="119"/>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="122"/>
        <source>The code has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="123"/>
        <source>Please request a new code and enter it within the time shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="127"/>
        <source>The sign-in service reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="128"/>
        <source>Please try again later; if it happens again, contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="132"/>
        <source>Your sign-in will not be remembered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="134"/>
        <source>This computer has no secure keyring. You stay signed in only while %1 is running. Everything else works as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="142"/>
        <source>The keyring on this computer did not keep it, for example because its password question was cancelled. You stay signed in only while %1 is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="140"/>
        <source>Your sign-in could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="149"/>
        <source>Sign-in is not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="151"/>
        <source>No sign-in service is configured for this organisation. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="156"/>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="157"/>
        <source>An unexpected error occurred. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="165"/>
        <source>Supported: Secret Service (for example GNOME Keyring or KeePassXC), KWallet, macOS Keychain, Windows Credential Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="169"/>
        <source>For IT: the keyring %1 did not store the sign-in (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="173"/>
        <source>For IT: no secure keyring was found; only %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="175"/>
        <source>For IT: no keyring could be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="180"/>
        <source>Offline – the session is renewed automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="182"/>
        <source>The sign-in service is not trusted right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/authtext.py" line="183"/>
        <source>The session could not be renewed – retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../workplace/ui/banner.py" line="144"/>
        <location filename="../../workplace/ui/banner.py" line="145"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="147"/>
        <source>Copy the details to the clipboard, e.g. for the service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="149"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="150"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="155"/>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="155"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="158"/>
        <source>Hide the technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banner.py" line="160"/>
        <source>Show the technical details, e.g. for the service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/banner.py" line="186"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../../workplace/ui/banners.py" line="211"/>
        <source>The configuration has warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="213"/>
        <source>The launcher works normally. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="217"/>
        <source>The configuration could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/banners.py" line="220"/>
        <source>The launcher keeps running with what it could read. Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="148"/>
        <source>your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="153"/>
        <source>changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="50"/>
        <source>%1 · in %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="131"/>
        <source>&amp;Recently edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="132"/>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="133"/>
        <source>Recently edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="135"/>
        <source>Your latest changed files. Enter opens one in the web office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="136"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="138"/>
        <source>Notifications of the files service. Delete dismisses one here and on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="140"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="142"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="175"/>
        <source>Your latest changed files. They open in the web office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="176"/>
        <source>No recently edited files yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="180"/>
        <source>Dismissed notifications are removed on the server too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="181"/>
        <source>No notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/filespanel.py" line="207"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../workplace/ui/header.py" line="533"/>
        <source>Logo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="577"/>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="579"/>
        <source>Press to check the connection again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="614"/>
        <source>Search services (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="546"/>
        <location filename="../../workplace/ui/header.py" line="615"/>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="617"/>
        <source>Type to filter the services by name, description or keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="619"/>
        <source>Help and service desk (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="620"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="622"/>
        <source>Contact details of the service desk and keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="624"/>
        <location filename="../../workplace/ui/header.py" line="625"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="627"/>
        <source>Language, colours and behaviour of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="545"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="549"/>
        <location filename="../../workplace/ui/header.py" line="550"/>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/header.py" line="631"/>
        <source>Checking sign-in …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="56"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="61"/>
        <source>Service desk of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="95"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="97"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="99"/>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="101"/>
        <source>Your IT department has not configured a service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="107"/>
        <source>Type anywhere or Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="107"/>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="108"/>
        <source>clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="109"/>
        <source>Arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="109"/>
        <source>move between tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="110"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="110"/>
        <source>open the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="111"/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="111"/>
        <source>add to or remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="112"/>
        <source>Menu key or Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="112"/>
        <source>more actions for a tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="113"/>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="113"/>
        <source>check the services and the catalog now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="120"/>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="124"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="126"/>
        <source>Arbeitsplatz %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="132"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="140"/>
        <source>Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="142"/>
        <source>Copies a report for the service desk: configuration, connection, sign-in and the status of every service. It contains no passwords or tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="166"/>
        <source>Collecting diagnostics… this checks every service and takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="175"/>
        <source>Diagnostics copied. Paste them into your message to the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="184"/>
        <source>The diagnostics could not be collected. Please try again. If it happens again, tell the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntranetWarning</name>
    <message>
        <location filename="../../workplace/ui/dialogs.py" line="225"/>
        <source>Open anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LaunchController</name>
    <message>
        <location filename="../../workplace/ui/launching.py" line="145"/>
        <source>%1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="151"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="159"/>
        <source>Its address is not a safe web address, so it was not opened. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="163"/>
        <source>No web browser could be started. Please check that a default browser is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="166"/>
        <source>The application is not installed on this computer. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="170"/>
        <source>The application could not be started. Please try again or contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/launching.py" line="174"/>
        <source>The service could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkConfirm</name>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="80"/>
        <source>Open a link to another website?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="82"/>
        <source>The link leads to %1, which is not one of your organisation&apos;s services. Open it in your browser only if you trust where the link came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="103"/>
        <source>Address of the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="108"/>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkRouter</name>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="274"/>
        <location filename="../../workplace/ui/linkrouting.py" line="300"/>
        <source>The link could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="275"/>
        <location filename="../../workplace/ui/linkrouting.py" line="297"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="337"/>
        <source>There is no service “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="338"/>
        <source>The link may be out of date, or this service is not available to you. Your services are shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="343"/>
        <source>E-mail links cannot be opened here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="344"/>
        <source>Your IT department has not set up where e-mail links open. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="349"/>
        <source>Chat links cannot be opened here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="350"/>
        <source>There is no chat among your services. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="355"/>
        <source>Phone links cannot be opened here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="356"/>
        <source>Your IT department has not set up telephony for links. Please dial the number yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="361"/>
        <source>This link is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="362"/>
        <source>Links this long are not opened, to protect your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="366"/>
        <source>This link contains hidden characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="367"/>
        <source>Hidden or text-direction characters can make a link look like a different one, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="372"/>
        <source>This link was not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="373"/>
        <source>Its address is not safe: it may imitate another address. The details say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="378"/>
        <source>This link asks for something the launcher does not do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="379"/>
        <source>A link to the launcher can only open one of your services or a search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="384"/>
        <source>The launcher does not open this kind of link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="385"/>
        <source>It opens e-mail, chat, meeting and phone links and links to your services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="389"/>
        <source>This e-mail link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="390"/>
        <source>This chat link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="391"/>
        <source>This phone link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="394"/>
        <location filename="../../workplace/ui/linkrouting.py" line="395"/>
        <source>This link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/linkrouting.py" line="396"/>
        <source>Please check the link or ask whoever sent it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workplace/ui/window.py" line="354"/>
        <location filename="../../workplace/ui/window.py" line="611"/>
        <source>Workplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="359"/>
        <source>Workplace – all services in one place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="370"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="373"/>
        <source>Arrow keys move between services, Enter opens one, Ctrl+D adds or removes a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="222"/>
        <location filename="../../workplace/ui/window.py" line="378"/>
        <source>No services found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="523"/>
        <source>No service matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="525"/>
        <source>Try another word, for example “mail” or “Dateien”. Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="533"/>
        <source>Loading your organisation&apos;s services …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="534"/>
        <source>They come from your organisation&apos;s central service list; this takes a moment on the first start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="538"/>
        <source>The services could not be loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="539"/>
        <source>The central service list is not reachable; the message above says why. The launcher tries again by itself, or press F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="544"/>
        <source>No services to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="545"/>
        <source>The configuration could not be read; the message above says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="548"/>
        <source>No services yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/window.py" line="549"/>
        <source>Your IT department has not configured any services for this workplace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextMeetingStrip</name>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="103"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="104"/>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="108"/>
        <source>Enter application password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="109"/>
        <source>Enter the calendar&apos;s application password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="110"/>
        <source>Sign in to chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="111"/>
        <source>Sign in to the chat again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="149"/>
        <source>Your calendar needs an application password before the next meeting can show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="154"/>
        <source>Finishing the sign-in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="155"/>
        <source>The chat needs you to sign in again before it can show unread messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/nextmeeting.py" line="160"/>
        <source>Join: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="92"/>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="94"/>
        <source>No notifications about mail and meetings; what arrives meanwhile comes in one summary afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="96"/>
        <source>&amp;Quiet hours every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="97"/>
        <source>&amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="98"/>
        <source>un&amp;til</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="99"/>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="100"/>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="101"/>
        <source>Notify me of &amp;new mail (the number only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="102"/>
        <source>Meeting &amp;reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="103"/>
        <source>Meeting reminder, minutes before the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="104"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="105"/>
        <source> min before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsnotify.py" line="107"/>
        <source>Notifications never show a mail&apos;s subject or sender. While do not disturb is on, nothing is lost: you get one summary when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="207"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="213"/>
        <source>Starts %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/notifications.py" line="226"/>
        <source>%n meeting(s) starting soon</source>
        <translation>
            <numerusform>%n meeting starting soon</numerusform>
            <numerusform>%n meetings starting soon</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="228"/>
        <source>While do not disturb was on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="230"/>
        <source>Workplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="284"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/notifications.py" line="286"/>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="309"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="316"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="317"/>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="340"/>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="341"/>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="258"/>
        <location filename="../../workplace/ui/settingsdialog.py" line="260"/>
        <location filename="../../workplace/ui/settingsdialog.py" line="269"/>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="261"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="261"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="264"/>
        <source>Automatic: on while the connection is metered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="265"/>
        <source>Always on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="266"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="270"/>
        <source>Automatic configuration (PAC file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="271"/>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="272"/>
        <source>No proxy (direct connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="293"/>
        <source>Follows the high-contrast setting of the system until you change it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="310"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="311"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="312"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="313"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="318"/>
        <source>In the &amp;office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="319"/>
        <source>In the &amp;home office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="320"/>
        <source>On the &amp;move (metered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="321"/>
        <source>&amp;Data saver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="322"/>
        <source>&amp;Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="323"/>
        <source>PAC file &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="324"/>
        <source>&amp;HTTP proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="325"/>
        <source>HTTP&amp;S proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="326"/>
        <source>&amp;Without proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="334"/>
        <source>Check the services in the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="335"/>
        <source>Check the services in the home office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="336"/>
        <source>Check the services on the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="342"/>
        <source>&amp;Start when I sign in to this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="343"/>
        <source>Open &amp;e-mail links with Arbeitsplatz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="345"/>
        <source>&amp;Notify me when a service becomes unavailable or returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="347"/>
        <source>Also notify on &amp;metered connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="348"/>
        <source>Check the services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="349"/>
        <source>Slow and metered connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="353"/>
        <source>Data saver checks less often, checks only services with a status address, and opens services in their low-bandwidth version where there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="358"/>
        <source>empty: like the HTTP proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="361"/>
        <source>Addresses without proxy are separated by commas: a name (with its subdomains), .domain, an IP address or network such as 10.0.0.0/8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/settingsdialog.py" line="369"/>
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="380"/>
        <source>Your IT department manages this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="389"/>
        <source>Locked by IT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="396"/>
        <source>Settings managed by IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="448"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="455"/>
        <source>The proxy address needs a port, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="457"/>
        <source>No user name or password here: this file is readable. Use the system proxy settings for a proxy that asks for a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="459"/>
        <source>A proxy is written like %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="460"/>
        <source>A proxy address has no path, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="461"/>
        <source>The port is not valid, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="478"/>
        <source>Enter the address of the PAC file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="480"/>
        <source>Enter the proxy, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsdialog.py" line="398"/>
        <source>Locked by IT: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="121"/>
        <source>Favourites are managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="155"/>
        <source>This setting is managed by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="158"/>
        <source>Your settings could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="166"/>
        <source>Your IT department sets start at login for all users of this computer; it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="170"/>
        <source>The launcher starts when you sign in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="174"/>
        <source>The launcher no longer starts when you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="180"/>
        <source>Your IT department decides which program opens e-mail links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="182"/>
        <source>E-mail links now open with Arbeitsplatz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="185"/>
        <source>No other program for e-mail links is set up, so they still open with Arbeitsplatz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="189"/>
        <source>E-mail links no longer open with Arbeitsplatz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="197"/>
        <source>On this computer, choose Arbeitsplatz for e-mail links in the system settings under Default apps, or ask your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="201"/>
        <source>The desktop&apos;s link settings (xdg-utils) are not installed on this computer. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="205"/>
        <source>Arbeitsplatz is not installed as a desktop program on this computer, so it cannot open e-mail links. Please contact the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="211"/>
        <source>The program for e-mail links could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="216"/>
        <source>The program for e-mail links could not be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/settingsstore.py" line="226"/>
        <source>Start at login could not be changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../workplace/ui/signin.py" line="405"/>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="408"/>
        <source>Your session as %1 has ended. Sign in once more to keep using your services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="412"/>
        <source>Your session has ended. Sign in once more to keep using your services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="414"/>
        <source>Welcome to your workplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="416"/>
        <source>Sign in once with your %1 account. After that, mail, files and all other services open without asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="424"/>
        <source>Sign in with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="426"/>
        <source>Opens the sign-in page in your web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="427"/>
        <source>Use a code instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="429"/>
        <source>Sign in on another device, such as your smartphone, with a short code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="430"/>
        <source>The sign-in page opens in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="431"/>
        <source>Show services without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="432"/>
        <source>Help and service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="433"/>
        <source>Logo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="435"/>
        <source>Continue in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="437"/>
        <source>The sign-in page of %1 is open in your web browser. Sign in there; this window continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="439"/>
        <source>Waiting for the sign-in in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="440"/>
        <source>Open the browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="443"/>
        <source>Closed the page by mistake? This opens the same sign-in page again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="444"/>
        <location filename="../../workplace/ui/signin.py" line="452"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="445"/>
        <location filename="../../workplace/ui/signin.py" line="453"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="447"/>
        <source>Sign in with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="448"/>
        <source>1. On your smartphone or another computer, open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="449"/>
        <source>2. Enter this code there and sign in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="450"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="451"/>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="458"/>
        <source>Requesting a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="468"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="470"/>
        <source>Waiting for you to enter the code… This window continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="472"/>
        <source>Or scan this code with your smartphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="474"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="476"/>
        <source>QR code of the address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="492"/>
        <source>The code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="494"/>
        <source>The code is valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/signin.py" line="528"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="67"/>
        <source>Checking connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="70"/>
        <source>Wi-Fi login needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="72"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="73"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="73"/>
        <source>Home office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="74"/>
        <source>On the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="76"/>
        <source>VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="78"/>
        <source>metered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="84"/>
        <source>The launcher is finding out how this computer is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="87"/>
        <source>Connected to the agency network. All services can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="90"/>
        <source>A login page (for example in a hotel or on a train) blocks the internet. Open it, accept the terms, and the launcher checks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="95"/>
        <source>There is no network connection. The services are shown, but they cannot be checked or opened until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="99"/>
        <source>Connected over the VPN: intranet services can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="102"/>
        <source>Internet without VPN: services marked “intranet or VPN only” cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="105"/>
        <source>Connected to the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="108"/>
        <source>The connection is metered: the launcher checks less often to save data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="114"/>
        <source>Data saver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="116"/>
        <source>Data saver is on: background checks run less often, only services with a status address are checked, and services open their low-bandwidth version where there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="127"/>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="128"/>
        <source>slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="129"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="130"/>
        <source>intranet or VPN only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="131"/>
        <source>certificate problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="132"/>
        <source>sign-in required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="133"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="134"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="141"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="142"/>
        <source>Slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="143"/>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="144"/>
        <source>Intranet or VPN only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="145"/>
        <source>Certificate problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="146"/>
        <source>Sign-in required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="150"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="157"/>
        <source>Answered in %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="158"/>
        <source>The service answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="160"/>
        <source>The service answers slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="162"/>
        <source>(%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="166"/>
        <source>The service did not answer. It may be down, or the connection is too slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="170"/>
        <source>This service can only be reached in the agency network or over the VPN. Connect the VPN first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="175"/>
        <source>Its certificate is not trusted. This can be an attack on the connection, or the agency&apos;s own certificate is missing on this computer. Do not enter passwords; please tell the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="180"/>
        <source>The service answers and asks you to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="182"/>
        <location filename="../../workplace/ui/statustext.py" line="189"/>
        <source>Not checked: there is no network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="184"/>
        <source>Not checked in this round (data saver, or the time for checks ran out before its turn). It is checked again in the next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="194"/>
        <source>No service checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="196"/>
        <source>%1 of %2 services available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="202"/>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="208"/>
        <source>%1 is only reachable in the intranet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="210"/>
        <source>This service can only be reached in the intranet or over the VPN. Open it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="220"/>
        <source>The last good copy (from %1) is still shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="224"/>
        <source>The services from the local configuration are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="227"/>
        <location filename="../../workplace/ui/statustext.py" line="231"/>
        <location filename="../../workplace/ui/statustext.py" line="295"/>
        <source>The central service list could not be updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="228"/>
        <source>Its server cannot be reached right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="232"/>
        <source>Its server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="235"/>
        <source>The central service list is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="237"/>
        <source>The server&apos;s certificate could not be verified. This can be an attack or a missing agency certificate. Please tell the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="242"/>
        <source>The central service list needs a sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="244"/>
        <source>The server asks for a sign-in the launcher cannot give. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="249"/>
        <source>The central service list is not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="251"/>
        <source>Your IT department requires a signature, and this copy has none, so it was not used. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="256"/>
        <source>The central service list has an invalid signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="258"/>
        <source>It may have been changed on the way, so it was not used. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="263"/>
        <source>The central service list cannot be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="265"/>
        <source>The key to check its signature is not valid. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="270"/>
        <source>An older central service list was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="272"/>
        <source>The server offered an older version than the one in use; that may be a replayed copy, so it was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="277"/>
        <source>The central service list contains errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="278"/>
        <location filename="../../workplace/ui/statustext.py" line="282"/>
        <source>It was not used. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="281"/>
        <source>The central service list is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="285"/>
        <source>The central service list was not fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="287"/>
        <source>The server redirected to another address, which the launcher does not follow. Please tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statustext.py" line="296"/>
        <source>The server gave an unexpected answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="89"/>
        <source>The network changed. The launcher is checking the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="105"/>
        <source>Wi-Fi login needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="108"/>
        <source>Open login page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="109"/>
        <source>Opens the login page of this network in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/statusview.py" line="113"/>
        <source>No connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileActions</name>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="280"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="281"/>
        <source>Show menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="282"/>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="288"/>
        <source>Opens the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="291"/>
        <source>Shows the service&apos;s menu: open, favourite, copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tileaccess.py" line="294"/>
        <source>Moves the keyboard focus to the service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileMenu</name>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="39"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="43"/>
        <source>Open the full version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="46"/>
        <source>Open the low-bandwidth version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="49"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="49"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemenu.py" line="54"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="276"/>
        <source>%n more service(s) changed</source>
        <translation>
            <numerusform>%n more service changed</numerusform>
            <numerusform>%n more services changed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="432"/>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="434"/>
        <source>Not a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="466"/>
        <source>In %1, %2. Opens in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="473"/>
        <source>%1, recently edited document</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/tilemodel.py" line="508"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="516"/>
        <source>Recently edited documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="530"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="535"/>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilemodel.py" line="542"/>
        <source>Other services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../workplace/ui/tray.py" line="106"/>
        <source>Open window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="109"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="117"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tray.py" line="123"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="166"/>
        <source>Enter application password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="170"/>
        <source>Sign in to chat again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="174"/>
        <source>Recently edited…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="176"/>
        <source>Notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="181"/>
        <source>Join “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="259"/>
        <source>The notification could not be dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="260"/>
        <source>%1 did not take it. It is shown again until it can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingview.py" line="292"/>
        <source>%n more announcement(s) after this one.</source>
        <translation>
            <numerusform>%n more announcement after this one.</numerusform>
            <numerusform>%n more announcements after this one.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="295"/>
        <source>More…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="296"/>
        <source>Open the announcement in the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="297"/>
        <source>Announcement from your IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingview.py" line="378"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitingText</name>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="101"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="111"/>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="113"/>
        <source>tomorrow at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="116"/>
        <source>on %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="125"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="136"/>
        <source>today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="138"/>
        <source>yesterday at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="141"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="212"/>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="214"/>
        <source>Application password needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="220"/>
        <source>Next: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="226"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="234"/>
        <source>please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/waitingtext.py" line="236"/>
        <source>application password needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/tilewaiting.py" line="75"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitingWords</name>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="30"/>
        <source>running for %n min</source>
        <translation>
            <numerusform>running for %n min</numerusform>
            <numerusform>running for %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="33"/>
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="36"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="39"/>
        <source>%n new e-mail(s)</source>
        <translation>
            <numerusform>%n new e-mail</numerusform>
            <numerusform>%n new e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="42"/>
        <source>%n unread e-mail(s)</source>
        <translation>
            <numerusform>%n unread e-mail</numerusform>
            <numerusform>%n unread e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="45"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="48"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="51"/>
        <source>%n room(s) with unread messages</source>
        <translation>
            <numerusform>%n room with unread messages</numerusform>
            <numerusform>%n rooms with unread messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="54"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="57"/>
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n notification</numerusform>
            <numerusform>%n notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="60"/>
        <source>%n new file notification(s)</source>
        <translation>
            <numerusform>%n new file notification</numerusform>
            <numerusform>%n new file notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="63"/>
        <source>%n new announcement(s)</source>
        <translation>
            <numerusform>%n new announcement</numerusform>
            <numerusform>%n new announcements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="66"/>
        <source>%n room(s) with new messages</source>
        <translation>
            <numerusform>%n room with new messages</numerusform>
            <numerusform>%n rooms with new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workplace/ui/waitingtext.py" line="69"/>
        <source>%n new mention(s)</source>
        <translation>
            <numerusform>%n new mention</numerusform>
            <numerusform>%n new mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteErrorTexts</name>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="45"/>
        <source>The folder %1 is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="46"/>
        <source>The folder for your settings is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="49"/>
        <source>You may not write to the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="50"/>
        <source>You may not write to the folder for your settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="52"/>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="55"/>
        <source>A file in the folder %1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="58"/>
        <source>A file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="59"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="65"/>
        <source>Please tell your IT department or the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="67"/>
        <source>Please free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="68"/>
        <source>Please try again. If it happens again, tell the service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="73"/>
        <source>Your change was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workplace/ui/errortext.py" line="78"/>
        <source>Start at login could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
