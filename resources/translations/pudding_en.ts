<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Account</name>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="60"/>
        <source>This code is unknown, was used already or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="234"/>
        <source>Use en or de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="246"/>
        <source>Use a time zone such as Europe/Berlin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="276"/>
        <source>This field must be a text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="302"/>
        <location filename="../../server/auth/accountapi.cpp" line="453"/>
        <source>Please sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="318"/>
        <source>Enter the e-mail address of your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="375"/>
        <source>This field is required and must be a text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountMail</name>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="26"/>
        <source>Hello %1,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="27"/>
        <source>Reset your Pudding Gabel password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="28"/>
        <source>Someone (hopefully you) asked to reset the password of your Pudding Gabel account. Open this link within one hour to choose a new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="31"/>
        <source>Or enter this code in the app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="32"/>
        <source>If you did not ask for this, ignore this mail: your password stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="34"/>
        <source>Confirm your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="35"/>
        <source>Welcome to Pudding Gabel! Please confirm that this address is yours by opening this link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="38"/>
        <source>If you did not create an account, ignore this mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="39"/>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="40"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="41"/>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="42"/>
        <source>Save the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="43"/>
        <source>Choose a password of at least 10 characters for your Pudding Gabel account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="46"/>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="47"/>
        <source>Your password was changed and every device was signed out. Sign in with the new password in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="50"/>
        <source>Link not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="51"/>
        <source>This link is unknown, was used already or has expired. Ask for a new mail in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="54"/>
        <source>The two passwords differ. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="55"/>
        <source>This password cannot be used: it needs at least 10 characters and must not be one of the most common passwords. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="58"/>
        <source>Press the button to confirm your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="59"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="60"/>
        <source>Address confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="61"/>
        <source>Thank you, your e-mail address is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="62"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="63"/>
        <source>The server could not do this just now. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddToCalendarButton</name>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="25"/>
        <source>Preparing the calendar entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="25"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="27"/>
        <source>Add this meetup to your calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppToolBar</name>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="27"/>
        <source>Pudding Gabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="52"/>
        <source>My events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="58"/>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="67"/>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="73"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="73"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="75"/>
        <source>Sign in or register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="85"/>
        <source>Account menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="98"/>
        <source>Calendar subscription…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="102"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="117"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="118"/>
        <source>Settings menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="137"/>
        <source>Language: follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="156"/>
        <source>Show map tiles from the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="166"/>
        <source>Reminders before meetups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="171"/>
        <source>Door mode with a door code…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="117"/>
        <source>There is no such calendar feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="290"/>
        <source>Use lang=de or lang=en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="296"/>
        <location filename="../../server/calendar/calendarapi.cpp" line="308"/>
        <source>There is no such meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="408"/>
        <source>Use de or en.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarEntry</name>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="38"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="40"/>
        <source>Your request to join is waiting for the organizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="42"/>
        <source>You are on the waiting list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="43"/>
        <source>Organized by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="44"/>
        <source>Meetup on Pudding Gabel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="46"/>
        <source>%1 (the exact place is shown to approved guests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="47"/>
        <source>My pudding meetups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarFeedDialog</name>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="16"/>
        <source>Calendar subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="40"/>
        <source>Subscribe in your calendar app to see your meetups there: the ones you organize, the ones you were approved for, and your open requests (as tentative). Cancelled meetups stay, marked as cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="48"/>
        <source>Active since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="49"/>
        <source>You have no calendar subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="64"/>
        <source>Subscription address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="68"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="69"/>
        <source>Copy the subscription address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="77"/>
        <source>Keep this address to yourself: anyone who has it sees your meetups. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="83"/>
        <source>The address is shown only when it is made. Make a new one to see it again; the old one stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="102"/>
        <source>Stop subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="109"/>
        <source>Make a new address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="109"/>
        <source>Create subscription</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="20"/>
        <source>Cancel this meetup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="36"/>
        <source>“%1” will be shown as cancelled to everyone. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="48"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="53"/>
        <source>Cancel meetup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CantComeButton</name>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="32"/>
        <source>Can&apos;t come after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="52"/>
        <source>Give back your place?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="57"/>
        <source>You will no longer have a place at “%1”. The next person on the waiting list gets it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="70"/>
        <source>Give back my place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="76"/>
        <source>Keep my place</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CantComePage</name>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="39"/>
        <source>Can&apos;t come after all?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="40"/>
        <source>You have a place at “%1”. If you cannot come, give it back so that someone from the waiting list can take it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="43"/>
        <source>Give back my place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="44"/>
        <source>Your place is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="45"/>
        <source>Thank you for letting us know. Your place at “%1” is free for someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="47"/>
        <source>Nothing to give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="49"/>
        <source>You no longer hold a place at “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="50"/>
        <source>This link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="51"/>
        <source>The link is damaged or has expired (it works until the meetup starts). Open the meetup in the app to change your plans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="54"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="56"/>
        <source>Nothing was changed. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="73"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="82"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="82"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/chat/ChatPane.qml" line="118"/>
        <source>Reconnecting in %n second(s)… Messages you write are sent once the chat is back.</source>
        <translation>
            <numerusform>Reconnecting in %n second… Messages you write are sent once the chat is back.</numerusform>
            <numerusform>Reconnecting in %n seconds… Messages you write are sent once the chat is back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="119"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="122"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="124"/>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="193"/>
        <source>The beginning of the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="218"/>
        <source>No messages yet. Say hello to the other guests!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="240"/>
        <location filename="../../qml/chat/ChatPane.qml" line="314"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="242"/>
        <location filename="../../qml/chat/ChatPane.qml" line="244"/>
        <source>Send a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="256"/>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="258"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="275"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="288"/>
        <source>Choose a photo to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="289"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitySearchField</name>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="17"/>
        <source>Search a city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="18"/>
        <source>Search a city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="67"/>
        <source>No German city called “%1” is known. Try another spelling or a larger town nearby.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmEmailBanner</name>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="23"/>
        <source>We sent you a new mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="48"/>
        <source>Confirm your e-mail address: open the link in the mail we sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="57"/>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="63"/>
        <source>Enter code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="80"/>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="81"/>
        <source>Code from the mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="86"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <location filename="../../qml/components/ConnectionBanner.qml" line="26"/>
        <source>The server cannot be reached. Trying again in %n second(s)…</source>
        <translation>
            <numerusform>The server cannot be reached. Trying again in %n second…</numerusform>
            <numerusform>The server cannot be reached. Trying again in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="27"/>
        <source>The server cannot be reached. Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="30"/>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="31"/>
        <source>Try to reach the server now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatePickerField</name>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="59"/>
        <source>Not a date: type it like %1 or pick it from the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="79"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="80"/>
        <source>Alt+Down opens a calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="118"/>
        <source>Open the calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoverPage</name>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="147"/>
        <source>Click the map where it takes place… (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="148"/>
        <source>New meetup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="150"/>
        <source>Create a new meetup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="164"/>
        <source>Loading meetups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/DiscoverPage.qml" line="165"/>
        <source>%n meetup(s) around here</source>
        <translation>
            <numerusform>%n meetup around here</numerusform>
            <numerusform>%n meetups around here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoorCodeDialog</name>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="13"/>
        <source>Door mode with a door code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="30"/>
        <source>Paste the door code the organizer gave you. It opens Door mode for one meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="38"/>
        <source>Door code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorGuestDelegate</name>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="59"/>
        <source>in since %1 (not uploaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="59"/>
        <source>in since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="60"/>
        <source>%n double entry(s)</source>
        <translation>
            <numerusform>%n double entry</numerusform>
            <numerusform>%n double entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="66"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="66"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="68"/>
        <source>Undo the check-in of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="69"/>
        <source>Check in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorHandOverDialog</name>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="17"/>
        <source>Hand the door to a helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="22"/>
        <source>Door helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="41"/>
        <source>The helper opens Door mode with this code (Settings → Door mode with a door code). It works only for this meetup&apos;s check-in and stops working when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="50"/>
        <source>Who gets it (e.g. “South entrance”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="51"/>
        <source>Name of the door helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="60"/>
        <source>Valid for hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="63"/>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="66"/>
        <source>Create code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="79"/>
        <source>Door code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="84"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="93"/>
        <source>Valid until %1. Shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="50"/>
        <source>Door: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="65"/>
        <source>Choose a picture of a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="66"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="125"/>
        <source>← Leave door mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="127"/>
        <source>Leave door mode (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="139"/>
        <source>%1 of %2 checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="160"/>
        <source>Hand over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="162"/>
        <source>Hand the door to a helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="166"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="211"/>
        <source>Scan a ticket, or type its number and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="212"/>
        <source>Ticket code or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="224"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="233"/>
        <source>Picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="235"/>
        <source>Check a ticket from a picture file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="262"/>
        <source>No camera found. Door mode works without one: use a hand-held scanner or type the ticket number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="278"/>
        <source>Find a guest by name, pudding or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="279"/>
        <source>Find a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="301"/>
        <source>Not yet in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="306"/>
        <source>In (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="327"/>
        <source>Nobody left to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="343"/>
        <source>Nobody is in yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DurationSpinBox</name>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="16"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/DurationSpinBox.qml" line="18"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="19"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="54"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDelegate</name>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="59"/>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/EventDelegate.qml" line="65"/>
        <source>%n place(s) left</source>
        <translation>
            <numerusform>%n place left</numerusform>
            <numerusform>%n places left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="65"/>
        <location filename="../../qml/events/EventDelegate.qml" line="66"/>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="66"/>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDetailsPane</name>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="56"/>
        <source>Meetup details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="111"/>
        <source>Close details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="126"/>
        <source>This meetup was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="137"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="145"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="153"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="167"/>
        <source>Organizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="169"/>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="172"/>
        <source>%1 of %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="173"/>
        <source>Full (%1 guests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="185"/>
        <source>You are in: your request was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="187"/>
        <source>Your request is waiting for the organizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="189"/>
        <source>You are on the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="191"/>
        <source>A place became free and is held for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="193"/>
        <source>Your request was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="216"/>
        <source>A place is held for you until %1 (%2 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="235"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="242"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="275"/>
        <source>Sign in to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="275"/>
        <source>Ask to join…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="304"/>
        <source>Review requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="311"/>
        <source>Door mode: check guests in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="320"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="326"/>
        <source>Cancel meetup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="24"/>
        <source>Edit meetup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="24"/>
        <source>New meetup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="130"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="136"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="137"/>
        <source>e.g. Vanilla pudding picnic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="141"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="149"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="167"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="175"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="168"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="182"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="187"/>
        <source>Venue or address (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="194"/>
        <source>Venue or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="195"/>
        <source>e.g. Clara-Zetkin-Park, east entrance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="199"/>
        <source>Shown only to you and the guests you approve, like the exact spot (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="215"/>
        <source>Starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="238"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="247"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="262"/>
        <source>Ends at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="263"/>
        <source>Ends %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="214"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="223"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="232"/>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="274"/>
        <source>Guests at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="283"/>
        <source>Maximum number of guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="289"/>
        <source>When a place frees up, hold it for the next on the waitlist for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="308"/>
        <source>Automatic (12 hours; 2 hours in the last day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="309"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="310"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="311"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="312"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="313"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="314"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="316"/>
        <source>How long a freed place is held for the next guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="340"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="345"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="345"/>
        <source>Create meetup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventListPane</name>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="51"/>
        <source>Meetups in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="95"/>
        <source>No meetups here. Zoom out, move the map or change the filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventMarker</name>
    <message numerus="yes">
        <location filename="../../qml/events/EventMarker.qml" line="39"/>
        <source>%n meetup(s) here; zoom in</source>
        <translation>
            <numerusform>%n meetup here; zoom in</numerusform>
            <numerusform>%n meetups here; zoom in</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/events/EventMarker.qml" line="39"/>
        <source>Meetup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../shared/event.cpp" line="127"/>
        <source>Must be a text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="143"/>
        <source>Must be an object with numbers lat and lng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="154"/>
        <source>Must be an ISO 8601 time with an offset, e.g. 2026-12-24T18:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="165"/>
        <source>Must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="176"/>
        <source>Must be a whole number of minutes or null (automatic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="182"/>
        <source>Some fields have the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="47"/>
        <source>The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="48"/>
        <source>The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel, or drop the file here instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="53"/>
        <source>The file chooser cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="54"/>
        <source>The file chooser cannot be shown. Drop the file here instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="27"/>
        <source>Search titles and descriptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="28"/>
        <source>Search meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="34"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="40"/>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="43"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="44"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="45"/>
        <source>Next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="46"/>
        <source>Next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="60"/>
        <source>Within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="65"/>
        <source>Search a city first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="76"/>
        <source>Search radius in kilometres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="80"/>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="87"/>
        <source>Only with free places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="94"/>
        <source>Sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95"/>
        <source>By date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95"/>
        <source>By distance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="26"/>
        <source>Ask to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="66"/>
        <source>Choose a photo of your pudding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="67"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="83"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="111"/>
        <source>Checking the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="112"/>
        <source>Drop a photo here, or choose one (JPEG, PNG or WebP, at most 5 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="124"/>
        <location filename="../../qml/attendance/JoinDialog.qml" line="141"/>
        <source>Choose photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="141"/>
        <source>Choose another photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="154"/>
        <location filename="../../qml/attendance/JoinDialog.qml" line="160"/>
        <source>Your pudding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="161"/>
        <source>e.g. Grießpudding with cherries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="171"/>
        <source>Description (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="179"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="182"/>
        <source>What makes it special? At most 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="212"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="219"/>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainBanner</name>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="24"/>
        <source>No keyring is available: you stay signed in until you quit the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="27"/>
        <source>Remember me in a plain-text file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="15"/>
        <source>Pudding Gabel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../qml/map/MapView.qml" line="127"/>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="128"/>
        <source>Arrow keys move the map; plus and minus zoom in and out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="182"/>
        <source>© OpenStreetMap contributors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="183"/>
        <source>Made with Natural Earth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="127"/>
        <source>Photo from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="183"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="187"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="193"/>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <location filename="../../qml/components/MonthCalendar.qml" line="107"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/MonthCalendar.qml" line="122"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyEventsPage</name>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="14"/>
        <source>My meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="33"/>
        <source>← Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="34"/>
        <source>Back to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="44"/>
        <source>Which meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/organizer/MyEventsPage.qml" line="75"/>
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="96"/>
        <source>No meetups here yet. Create one from the map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyRequestsPage</name>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="16"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="18"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="20"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="22"/>
        <source>Waitlisted #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="24"/>
        <source>Place offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="30"/>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="69"/>
        <source>← Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="70"/>
        <source>Back to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="79"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="148"/>
        <source>You bring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="157"/>
        <source>A place is held for you until %1 (%2 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="174"/>
        <source>Chat (%1 new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="174"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="177"/>
        <source>Open the chat, %n unread message(s)</source>
        <translation>
            <numerusform>Open the chat, %n unread message</numerusform>
            <numerusform>Open the chat, %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="178"/>
        <source>Open the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="188"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="190"/>
        <source>Accept the place offered at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="196"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="197"/>
        <source>Decline the place offered at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="201"/>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="218"/>
        <source>You have not asked to join any meetup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="248"/>
        <source>Close the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="269"/>
        <source>Leave this meetup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="273"/>
        <source>Your request for “%1” will be withdrawn. If you had a place, it goes to the next person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyTicketsPage</name>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="16"/>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="29"/>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="46"/>
        <source>← Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="47"/>
        <source>Back to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="56"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="73"/>
        <source>Offline: your tickets could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="74"/>
        <source>Offline: these are your tickets as of %1. They still work at the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="101"/>
        <source>Saving the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="137"/>
        <source>No tickets yet. When an organizer approves your request, your ticket appears here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="33"/>
        <source>%1 would like to join “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="34"/>
        <source>%1 brings: %2. Open the requests of your meetup to approve or decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="36"/>
        <source>You are in: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="38"/>
        <source>The organizer approved your request. See you on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="40"/>
        <source>Your request for “%1” was declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="42"/>
        <source>The organizer declined your request this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="43"/>
        <source>Note from the organizer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="45"/>
        <source>A place is free for you: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="46"/>
        <source>It is held for you until %1. Accept it in the app before then, or it goes to the next person on the waiting list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="50"/>
        <source>Your offer for “%1” has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="51"/>
        <source>You did not accept the place in time; it went to the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="53"/>
        <source>“%1” has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="55"/>
        <source>Changed: %1. It now starts on %2 in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="56"/>
        <source>the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="57"/>
        <source>the place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="58"/>
        <source>the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="59"/>
        <source>the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="60"/>
        <source>the number of places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="61"/>
        <source>“%1” is cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="63"/>
        <source>The meetup on %1 will not take place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="64"/>
        <source>New message in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="65"/>
        <source>%1 new messages in “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="66"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="68"/>
        <source>Reminder: “%1” starts on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="70"/>
        <source>Where: %1. You bring: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="71"/>
        <source>Can&apos;t come after all? Free your place for someone on the waiting list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="75"/>
        <source>Open the Pudding Gabel app to answer or to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="76"/>
        <source>You get this mail because of your notification settings in Pudding Gabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="79"/>
        <source>Unsubscribe from these mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="81"/>
        <source>A new request to join your meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="83"/>
        <source>%1 new requests to join your meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="84"/>
        <source>These requests arrived since the last summary. Open the requests of each meetup to approve or decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="87"/>
        <source>dddd d MMMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="37"/>
        <location filename="../../server/notifications/notificationsapi.cpp" line="41"/>
        <source>Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="38"/>
        <source>Stop mails of this kind: %1? You still see them in the app, and you can switch the mails on again in its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="42"/>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="44"/>
        <source>You will get no more mails of this kind: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="45"/>
        <source>This link is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="46"/>
        <source>The link may be incomplete. Copy the whole link from the mail, or change your mail settings in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="49"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="51"/>
        <source>Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="53"/>
        <source>requests to join your meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="54"/>
        <source>approved requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="55"/>
        <source>declined requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="57"/>
        <source>places offered from the waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="58"/>
        <source>expired offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="59"/>
        <source>changed meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="60"/>
        <source>cancelled meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="61"/>
        <source>chat messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="62"/>
        <source>reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <location filename="../../qml/notifications/NotificationBell.qml" line="13"/>
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notifications, %n unread</numerusform>
            <numerusform>Notifications, %n unread</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationBell.qml" line="14"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <location filename="../../qml/notifications/NotificationDelegate.qml" line="21"/>
        <source>Unread:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationPreferencesDialog</name>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="13"/>
        <source>Notification settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="42"/>
        <source>Notify me about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="46"/>
        <source>In the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="50"/>
        <source>By e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="79"/>
        <source>%1 in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="95"/>
        <source>%1 by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="97"/>
        <source>These mails cannot be switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="110"/>
        <source>Mails about requests to join my meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="118"/>
        <source>At once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="119"/>
        <source>Once an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="120"/>
        <source>Daily at 18:00</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="160"/>
        <source>Use the id of a notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="169"/>
        <source>Use a number from 1 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="204"/>
        <source>Use true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="217"/>
        <source>Give 1 to 500 notification ids, or all: true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="279"/>
        <source>Give a list of {type, app, mail} with a known type and true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="306"/>
        <source>Mails about your account cannot be switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="322"/>
        <source>Use immediate, hourly or daily.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsDrawer</name>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="38"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="46"/>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="52"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="53"/>
        <source>Notification settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="91"/>
        <source>Show older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="97"/>
        <source>Nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordResetPane</name>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="28"/>
        <source>Enter the e-mail address of your account. We will send you a code to choose a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="32"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="40"/>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="55"/>
        <source>Check your mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="61"/>
        <source>If %1 belongs to an account, we sent a mail to it. Open its link, or enter the code from the mail here. The code is valid for one hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="65"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="73"/>
        <source>Code from the mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="82"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="90"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="92"/>
        <source>At least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="100"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="108"/>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="131"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="146"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="152"/>
        <source>Send code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="152"/>
        <source>Save the new password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoFile</name>
    <message>
        <location filename="../../client/api/photofile.cpp" line="28"/>
        <source>This file cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/photofile.cpp" line="31"/>
        <source>The photo is too large: at most 5 MB, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/photofile.cpp" line="52"/>
        <source>This is not an image. Use a JPEG, PNG or WebP photo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoImageProvider</name>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="35"/>
        <source>No such photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="84"/>
        <source>The photo could not be loaded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="105"/>
        <source>The photo could not be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::AccountManager</name>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="41"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="111"/>
        <location filename="../../client/auth/accountmanager.cpp" line="303"/>
        <source>Please check the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="175"/>
        <source>Please enter your email address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="271"/>
        <location filename="../../client/auth/accountmanager.cpp" line="272"/>
        <source>Please enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="297"/>
        <location filename="../../client/auth/accountmanager.cpp" line="336"/>
        <location filename="../../client/auth/accountmanager.cpp" line="337"/>
        <source>Please enter the code from the mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="301"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="314"/>
        <source>This code is unknown, was used already or has expired. Ask for a new mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="348"/>
        <source>This code is unknown, was used already or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiCall</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="80"/>
        <source>The server cannot be reached (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiClient</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="274"/>
        <source>The email address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="276"/>
        <source>An account with this email address exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="278"/>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="280"/>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="282"/>
        <source>This no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="284"/>
        <source>Too many attempts. Please wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="286"/>
        <source>That is too large to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="288"/>
        <source>Something went wrong on the server. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="290"/>
        <source>That conflicts with the current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="291"/>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::CalendarExport</name>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="24"/>
        <source>Cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="27"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="46"/>
        <source>Choose a file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="79"/>
        <source>No calendar app opened the file. It is saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::CameraScanner</name>
    <message>
        <location filename="../../client/door/camerascanner.cpp" line="63"/>
        <source>The camera failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatModel</name>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="21"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="23"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="84"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="86"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/chat/chatmodel.cpp" line="375"/>
        <source>%n online: %1</source>
        <translation>
            <numerusform>%n online: %1</numerusform>
            <numerusform>%n online: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="384"/>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="386"/>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/chat/chatmodel.cpp" line="388"/>
        <source>%1 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1 and %n other are typing…</numerusform>
            <numerusform>%1 and %n others are typing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatRoom</name>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="234"/>
        <source>Only the organizer and approved guests can read this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="432"/>
        <source>You cannot write in this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="567"/>
        <source>Not sent: the server did not confirm it. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="683"/>
        <source>You are no longer in this chat: the organizer removed you from the meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="685"/>
        <source>Not sent: you are no longer in this chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatRooms</name>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="55"/>
        <source>Not sent: you are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="222"/>
        <source>New request to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="222"/>
        <source>%1 wants to bring %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="237"/>
        <source>Meetup cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="238"/>
        <source>“%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="253"/>
        <source>You are in: your request was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="254"/>
        <source>You are in: your request for “%1” was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="256"/>
        <source>Your request was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="257"/>
        <source>Your request for “%1” was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="262"/>
        <source>A place is held for you until %1: accept or decline it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="268"/>
        <source>A place at “%1” is held for you: accept or decline it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="269"/>
        <source>Pudding Gabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="280"/>
        <source>Not sent: too many messages at once. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="282"/>
        <source>Not sent: you are not in this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="284"/>
        <source>Not sent: the chat was not open yet. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="300"/>
        <source>Only the organizer and approved guests can read this chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::DoorSession</name>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="410"/>
        <source>No guest list yet: Door mode needs the network once to download it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="432"/>
        <source>The server sent a guest list this app cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="654"/>
        <source>No ticket code found in this picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="661"/>
        <location filename="../../client/door/doorsession.cpp" line="706"/>
        <source>No guest list yet: connect once to download it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="675"/>
        <source>Not a Pudding Gabel ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="679"/>
        <source>Signed with a key this guest list does not know: forged, or the list is outdated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="683"/>
        <source>Forged ticket: the signature does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="686"/>
        <source>This ticket is for another meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="689"/>
        <source>This ticket is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="692"/>
        <source>This ticket has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="702"/>
        <source>“%1” is not a ticket number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="719"/>
        <source>Unknown ticket number %1: not on this meetup&apos;s guest list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="741"/>
        <source>Revoked: the guest left the meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="743"/>
        <source>Revoked: the guest was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="745"/>
        <source>Revoked: the meetup was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="747"/>
        <source>Revoked: the guest was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="761"/>
        <source>Valid signature; not yet on the guest list loaded at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="770"/>
        <source>Already inside since %1 — double entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="785"/>
        <source>Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="786"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="965"/>
        <source>Refused by the server after upload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1021"/>
        <source>Undo needs the network: try again when online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1127"/>
        <source>This door access is no longer valid (revoked or expired). Scans are kept on this device; ask the organizer for a new door token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1130"/>
        <source>This meetup&apos;s guest list is not available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1132"/>
        <source>The server no longer accepts this session. Scans are kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1142"/>
        <source>Access refused — %n scan(s) kept on this device</source>
        <translation>
            <numerusform>Access refused — %n scan kept on this device</numerusform>
            <numerusform>Access refused — %n scans kept on this device</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1144"/>
        <source>Offline — %n scan(s) waiting</source>
        <translation>
            <numerusform>Offline — %n scan waiting</numerusform>
            <numerusform>Offline — %n scans waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1146"/>
        <source>Online — uploading %n scan(s)</source>
        <translation>
            <numerusform>Online — uploading %n scan</numerusform>
            <numerusform>Online — uploading %n scans</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1147"/>
        <source>Online — all scans uploaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::EventEditor</name>
    <message>
        <location filename="../../client/events/eventeditor.cpp" line="80"/>
        <source>Please check the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::JoinRequest</name>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="114"/>
        <source>Add a photo of your pudding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="116"/>
        <source>Please check the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="120"/>
        <source>Choose a meetup first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::NotificationPreferences</name>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="353"/>
        <source>Requests to join my meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="355"/>
        <source>My request was approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="357"/>
        <source>My request was declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="359"/>
        <source>A place is offered from the waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="361"/>
        <source>An offered place expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="363"/>
        <source>A meetup changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="365"/>
        <source>A meetup was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="367"/>
        <source>Chat messages while I am away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="369"/>
        <source>Reminders before a meetup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="371"/>
        <source>My account (password reset, address confirmation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::NotificationsModel</name>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="251"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/notifications/notificationsmodel.cpp" line="253"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="258"/>
        <source>today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="260"/>
        <source>yesterday, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ReminderSettings</name>
    <message>
        <location filename="../../client/reminders/remindersettings.cpp" line="66"/>
        <source>At most four reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/reminders/remindersettings.cpp" line="72"/>
        <source>A reminder comes 5 minutes to 14 days before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="83"/>
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n day before</numerusform>
            <numerusform>%n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="85"/>
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hour before</numerusform>
            <numerusform>%n hours before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="86"/>
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ReviewQueueModel</name>
    <message>
        <location filename="../../client/attendance/reviewqueuemodel.cpp" line="318"/>
        <source>The meetup is full: reject someone approved before approving another request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pudding::Client::TicketsModel</name>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="208"/>
        <source>You left this meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="210"/>
        <source>The organizer withdrew your place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="212"/>
        <source>The meetup was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="214"/>
        <source>The organizer removed you from the meetup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="462"/>
        <source>The PDF could not be saved: choose a file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="476"/>
        <source>The ticket is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="567"/>
        <source>Revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderSettingsDialog</name>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="16"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="59"/>
        <source>Before a meetup you were approved for, Pudding Gabel reminds you in the app and by e-mail, with the exact place and a link in case you cannot come after all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="63"/>
        <source>Remind me before meetups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="70"/>
        <source>24 hours before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="77"/>
        <source>2 hours before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="83"/>
        <source>Your own reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="100"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="101"/>
        <source>Remove the reminder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="118"/>
        <source>How long before the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="126"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="130"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="142"/>
        <source>You have four reminders, the most there can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="143"/>
        <source>From 5 minutes to 14 days before the start; up to four reminders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../server/reminders/reminders.cpp" line="218"/>
        <location filename="../../server/reminders/reminders.cpp" line="219"/>
        <source>At most four reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/reminders.cpp" line="223"/>
        <location filename="../../server/reminders/reminders.cpp" line="225"/>
        <source>A reminder comes 5 minutes to 14 days before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="163"/>
        <source>A list of whole minutes before the start, e.g. [1440, 120].</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="21"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="23"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="25"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="27"/>
        <source>Waitlisted #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="29"/>
        <source>Place offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="44"/>
        <source>Requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="65"/>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="66"/>
        <source>Back to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="77"/>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="77"/>
        <source>%n place(s) left</source>
        <translation>
            <numerusform>%n place left</numerusform>
            <numerusform>%n places left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="81"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="103"/>
        <source>Keys: A approves, R rejects the selected request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="157"/>
        <source>Photo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="178"/>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="196"/>
        <source>Regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="198"/>
        <source>%1 is one of your regulars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="205"/>
        <source>Pre-approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="207"/>
        <source>Pre-approve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="211"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="213"/>
        <source>Approve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="221"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="223"/>
        <source>Reject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="239"/>
        <source>No requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveTicketDialog</name>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="24"/>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="66"/>
        <source>Save the ticket as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="32"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="39"/>
        <source>A4, to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="45"/>
        <source>Phone size (90 × 160 mm), to show on a phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="57"/>
        <source>Choose where to save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="67"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="19"/>
        <source>Reset your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="20"/>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="20"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="111"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="206"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="81"/>
        <source>Your password was changed. Sign in with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="115"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="122"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="130"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="131"/>
        <source>How others will see you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="140"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="147"/>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="156"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="162"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="164"/>
        <source>At least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="174"/>
        <source>Forgot password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="201"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="206"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="41"/>
        <source>Ticket %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="60"/>
        <source>QR code of ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="78"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="107"/>
        <source>Ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="127"/>
        <source>This meetup was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="153"/>
        <source>Map of the meeting place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="191"/>
        <source>Photo of your pudding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="198"/>
        <source>You bring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="204"/>
        <source>Guest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="215"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="220"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketPdf</name>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="125"/>
        <location filename="../../client/tickets/ticketpdf.cpp" line="139"/>
        <location filename="../../client/tickets/ticketpdf.cpp" line="217"/>
        <source>The PDF could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="129"/>
        <source>Ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="151"/>
        <source>Pudding Gabel · Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="166"/>
        <source>The QR code could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="178"/>
        <source>Ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="200"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="204"/>
        <source>Pudding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="208"/>
        <source>Show this QR code or the ticket number at the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="210"/>
        <source>This ticket is no longer valid and is refused at the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="232"/>
        <source>The PDF could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimePickerField</name>
    <message>
        <location filename="../../qml/components/TimePickerField.qml" line="63"/>
        <source>Not a time: type it like %1 or choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/TimePickerField.qml" line="80"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../shared/validation.cpp" line="205"/>
        <source>Please enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="207"/>
        <location filename="../../shared/validation.cpp" line="211"/>
        <source>This is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="122"/>
        <location filename="../../shared/validation.cpp" line="224"/>
        <source>Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="109"/>
        <source>This text is not valid Unicode (it holds an unpaired surrogate or invalid UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="112"/>
        <source>Control characters such as U+%1 are not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="123"/>
        <location filename="../../shared/validation.cpp" line="226"/>
        <source>Use at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="229"/>
        <source>This password is one of the most common ones; please choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="238"/>
        <source>Please enter your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="120"/>
        <location filename="../../shared/validation.cpp" line="252"/>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="259"/>
        <source>The title needs %1 to %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="266"/>
        <source>The meetup must take place in Germany.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="270"/>
        <source>The city needs 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="279"/>
        <source>The meetup cannot start in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="282"/>
        <source>The end must be after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="284"/>
        <source>A meetup lasts at most 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="290"/>
        <source>Allow between %1 and %2 attendees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="297"/>
        <source>Hold a place for between %1 minutes and 7 days, or leave it automatic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="21"/>
        <source>Valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="22"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="45"/>
        <source>Photo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="79"/>
        <source>Ticket %1 · scanned at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="80"/>
        <source>Scanned at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="106"/>
        <source>Ready: scan a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="107"/>
        <source>Loading the guest list…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="54"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="60"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../client/app/main.cpp" line="45"/>
        <source>Pudding Gabel: find pudding meetups across Germany.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="49"/>
        <source>Load the UI, fail on any QML warning, and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="53"/>
        <source>Save a picture of the window to this file once it is shown, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="58"/>
        <source>Milliseconds to wait before the screenshot (default 4000).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
