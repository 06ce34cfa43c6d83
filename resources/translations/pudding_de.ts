<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account</name>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="60"/>
        <source>This code is unknown, was used already or has expired.</source>
        <translation>Dieser Code ist unbekannt, wurde schon benutzt oder ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="234"/>
        <source>Use en or de.</source>
        <translation>Verwende en oder de.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="246"/>
        <source>Use a time zone such as Europe/Berlin.</source>
        <translation>Verwende eine Zeitzone wie Europe/Berlin.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="276"/>
        <source>This field must be a text.</source>
        <translation>Dieses Feld muss ein Text sein.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="302"/>
        <location filename="../../server/auth/accountapi.cpp" line="453"/>
        <source>Please sign in.</source>
        <translation>Bitte melde dich an.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="318"/>
        <source>Enter the e-mail address of your account.</source>
        <translation>Gib die E-Mail-Adresse deines Kontos ein.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accountapi.cpp" line="375"/>
        <source>This field is required and must be a text.</source>
        <translation>Dieses Feld ist erforderlich und muss ein Text sein.</translation>
    </message>
</context>
<context>
    <name>AccountMail</name>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="26"/>
        <source>Hello %1,</source>
        <translation>Hallo %1,</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="27"/>
        <source>Reset your Pudding Gabel password</source>
        <translation>Setze dein Pudding-Gabel-Passwort zurück</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="28"/>
        <source>Someone (hopefully you) asked to reset the password of your Pudding Gabel account. Open this link within one hour to choose a new password:</source>
        <translation>Jemand (hoffentlich du) möchte das Passwort deines Pudding-Gabel-Kontos zurücksetzen. Öffne innerhalb einer Stunde diesen Link, um ein neues Passwort zu wählen:</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="31"/>
        <source>Or enter this code in the app:</source>
        <translation>Oder gib diesen Code in der App ein:</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="32"/>
        <source>If you did not ask for this, ignore this mail: your password stays as it is.</source>
        <translation>Wenn du das nicht warst, ignoriere diese Mail: Dein Passwort bleibt, wie es ist.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="34"/>
        <source>Confirm your e-mail address</source>
        <translation>Bestätige deine E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="35"/>
        <source>Welcome to Pudding Gabel! Please confirm that this address is yours by opening this link:</source>
        <translation>Willkommen bei Pudding Gabel! Bitte bestätige mit diesem Link, dass die Adresse dir gehört:</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="38"/>
        <source>If you did not create an account, ignore this mail.</source>
        <translation>Wenn du kein Konto angelegt hast, ignoriere diese Mail.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="39"/>
        <source>Choose a new password</source>
        <translation>Wähle ein neues Passwort</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="40"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="41"/>
        <source>Repeat the new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="42"/>
        <source>Save the password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="43"/>
        <source>Choose a password of at least 10 characters for your Pudding Gabel account.</source>
        <translation>Wähle ein Passwort mit mindestens 10 Zeichen für dein Pudding-Gabel-Konto.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="46"/>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="47"/>
        <source>Your password was changed and every device was signed out. Sign in with the new password in the app.</source>
        <translation>Dein Passwort wurde geändert und alle Geräte wurden abgemeldet. Melde dich in der App mit dem neuen Passwort an.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="50"/>
        <source>Link not valid</source>
        <translation>Link ungültig</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="51"/>
        <source>This link is unknown, was used already or has expired. Ask for a new mail in the app.</source>
        <translation>Dieser Link ist unbekannt, wurde schon benutzt oder ist abgelaufen. Fordere in der App eine neue Mail an.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="54"/>
        <source>The two passwords differ. Please try again.</source>
        <translation>Die beiden Passwörter sind verschieden. Bitte versuche es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="55"/>
        <source>This password cannot be used: it needs at least 10 characters and must not be one of the most common passwords. Please try again.</source>
        <translation>Dieses Passwort geht nicht: Es braucht mindestens 10 Zeichen und darf keines der häufigsten Passwörter sein. Bitte versuche es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="58"/>
        <source>Press the button to confirm your e-mail address.</source>
        <translation>Drücke den Knopf, um deine E-Mail-Adresse zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="59"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="60"/>
        <source>Address confirmed</source>
        <translation>Adresse bestätigt</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="61"/>
        <source>Thank you, your e-mail address is confirmed.</source>
        <translation>Danke, deine E-Mail-Adresse ist bestätigt.</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="62"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../server/auth/accounttexts.cpp" line="63"/>
        <source>The server could not do this just now. Please try again.</source>
        <translation>Der Server konnte das gerade nicht erledigen. Bitte versuche es noch einmal.</translation>
    </message>
</context>
<context>
    <name>AddToCalendarButton</name>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="25"/>
        <source>Preparing the calendar entry…</source>
        <translation>Kalendereintrag wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="25"/>
        <source>Add to calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/AddToCalendarButton.qml" line="27"/>
        <source>Add this meetup to your calendar</source>
        <translation>Dieses Treffen zu deinem Kalender hinzufügen</translation>
    </message>
</context>
<context>
    <name>AppToolBar</name>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="27"/>
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="52"/>
        <source>My events</source>
        <translation>Meine Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="58"/>
        <source>My requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="67"/>
        <source>My tickets</source>
        <translation>Meine Tickets</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="73"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="73"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="75"/>
        <source>Sign in or register</source>
        <translation>Anmelden oder registrieren</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="85"/>
        <source>Account menu</source>
        <translation>Kontomenü</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="98"/>
        <source>Calendar subscription…</source>
        <translation>Kalender-Abo…</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="102"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="117"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="118"/>
        <source>Settings menu</source>
        <translation>Einstellungsmenü</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="137"/>
        <source>Language: follow the system</source>
        <translation>Sprache: wie im System</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="156"/>
        <source>Show map tiles from the internet</source>
        <translation>Kartenkacheln aus dem Internet anzeigen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="166"/>
        <source>Reminders before meetups…</source>
        <translation>Erinnerungen vor Treffen…</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="171"/>
        <source>Door mode with a door code…</source>
        <translation>Türmodus mit einem Türcode…</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="117"/>
        <source>There is no such calendar feed.</source>
        <translation>Dieses Kalender-Abo gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="290"/>
        <source>Use lang=de or lang=en.</source>
        <translation>Verwende lang=de oder lang=en.</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="296"/>
        <location filename="../../server/calendar/calendarapi.cpp" line="308"/>
        <source>There is no such meetup.</source>
        <translation>Dieses Treffen gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="408"/>
        <source>Use de or en.</source>
        <translation>Verwende de oder en.</translation>
    </message>
</context>
<context>
    <name>CalendarEntry</name>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="38"/>
        <source>Cancelled: %1</source>
        <translation>Abgesagt: %1</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="40"/>
        <source>Your request to join is waiting for the organizer.</source>
        <translation>Deine Anfrage wartet auf die Organisatorin oder den Organisator.</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="42"/>
        <source>You are on the waiting list.</source>
        <translation>Du stehst auf der Warteliste.</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="43"/>
        <source>Organized by %1</source>
        <translation>Organisiert von %1</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="44"/>
        <source>Meetup on Pudding Gabel: %1</source>
        <translation>Treffen auf Pudding Gabel: %1</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="46"/>
        <source>%1 (the exact place is shown to approved guests)</source>
        <translation>%1 (der genaue Ort wird angenommenen Gästen gezeigt)</translation>
    </message>
    <message>
        <location filename="../../server/calendar/calendarapi.cpp" line="47"/>
        <source>My pudding meetups</source>
        <translation>Meine Pudding-Treffen</translation>
    </message>
</context>
<context>
    <name>CalendarFeedDialog</name>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="16"/>
        <source>Calendar subscription</source>
        <translation>Kalender-Abo</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="40"/>
        <source>Subscribe in your calendar app to see your meetups there: the ones you organize, the ones you were approved for, and your open requests (as tentative). Cancelled meetups stay, marked as cancelled.</source>
        <translation>Abonniere es in deiner Kalender-App, um deine Treffen dort zu sehen: die du organisierst, die, für die du angenommen wurdest, und deine offenen Anfragen (als vorläufig). Abgesagte Treffen bleiben, als abgesagt markiert.</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="48"/>
        <source>Active since %1.</source>
        <translation>Aktiv seit %1.</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="49"/>
        <source>You have no calendar subscription.</source>
        <translation>Du hast kein Kalender-Abo.</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="64"/>
        <source>Subscription address</source>
        <translation>Abo-Adresse</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="68"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="69"/>
        <source>Copy the subscription address</source>
        <translation>Die Abo-Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="77"/>
        <source>Keep this address to yourself: anyone who has it sees your meetups. It is shown only now.</source>
        <translation>Behalte diese Adresse für dich: Wer sie hat, sieht deine Treffen. Sie wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="83"/>
        <source>The address is shown only when it is made. Make a new one to see it again; the old one stops working.</source>
        <translation>Die Adresse wird nur angezeigt, wenn sie erstellt wird. Erstelle eine neue, um sie wieder zu sehen; die alte funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="102"/>
        <source>Stop subscription</source>
        <translation>Abo beenden</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="109"/>
        <source>Make a new address</source>
        <translation>Neue Adresse erstellen</translation>
    </message>
    <message>
        <location filename="../../qml/calendar/CalendarFeedDialog.qml" line="109"/>
        <source>Create subscription</source>
        <translation>Abo erstellen</translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="20"/>
        <source>Cancel this meetup?</source>
        <translation>Dieses Treffen absagen?</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="36"/>
        <source>“%1” will be shown as cancelled to everyone. This cannot be undone.</source>
        <translation>„%1“ wird allen als abgesagt angezeigt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="48"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="53"/>
        <source>Cancel meetup</source>
        <translation>Treffen absagen</translation>
    </message>
</context>
<context>
    <name>CantComeButton</name>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="32"/>
        <source>Can&apos;t come after all</source>
        <translation>Ich kann doch nicht kommen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="52"/>
        <source>Give back your place?</source>
        <translation>Deinen Platz zurückgeben?</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="57"/>
        <source>You will no longer have a place at “%1”. The next person on the waiting list gets it. This cannot be undone.</source>
        <translation>Du hast dann keinen Platz mehr bei „%1“. Die nächste Person auf der Warteliste bekommt ihn. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="70"/>
        <source>Give back my place</source>
        <translation>Meinen Platz zurückgeben</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/CantComeButton.qml" line="76"/>
        <source>Keep my place</source>
        <translation>Platz behalten</translation>
    </message>
</context>
<context>
    <name>CantComePage</name>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="39"/>
        <source>Can&apos;t come after all?</source>
        <translation>Du kannst doch nicht kommen?</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="40"/>
        <source>You have a place at “%1”. If you cannot come, give it back so that someone from the waiting list can take it. This cannot be undone.</source>
        <translation>Du hast einen Platz bei „%1“. Wenn du nicht kommen kannst, gib ihn zurück, damit jemand von der Warteliste ihn bekommt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="43"/>
        <source>Give back my place</source>
        <translation>Meinen Platz zurückgeben</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="44"/>
        <source>Your place is free</source>
        <translation>Dein Platz ist frei</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="45"/>
        <source>Thank you for letting us know. Your place at “%1” is free for someone else.</source>
        <translation>Danke für deine Nachricht. Dein Platz bei „%1“ ist jetzt für jemand anderen frei.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="47"/>
        <source>Nothing to give back</source>
        <translation>Nichts zurückzugeben</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="49"/>
        <source>You no longer hold a place at “%1”.</source>
        <translation>Du hast keinen Platz mehr bei „%1“.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="50"/>
        <source>This link is not valid</source>
        <translation>Dieser Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="51"/>
        <source>The link is damaged or has expired (it works until the meetup starts). Open the meetup in the app to change your plans.</source>
        <translation>Der Link ist beschädigt oder abgelaufen (er gilt bis zum Beginn des Treffens). Öffne das Treffen in der App, um deine Pläne zu ändern.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="54"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="56"/>
        <source>Nothing was changed. Please try again later.</source>
        <translation>Es wurde nichts geändert. Bitte versuche es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="73"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="82"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="82"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/chat/ChatPane.qml" line="118"/>
        <source>Reconnecting in %n second(s)… Messages you write are sent once the chat is back.</source>
        <translation>
            <numerusform>Neuer Verbindungsversuch in %n Sekunde… Was du schreibst, wird gesendet, sobald der Chat wieder da ist.</numerusform>
            <numerusform>Neuer Verbindungsversuch in %n Sekunden… Was du schreibst, wird gesendet, sobald der Chat wieder da ist.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="119"/>
        <source>Reconnecting…</source>
        <translation>Verbinde neu…</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="122"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="124"/>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="193"/>
        <source>The beginning of the chat</source>
        <translation>Der Anfang des Chats</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="218"/>
        <source>No messages yet. Say hello to the other guests!</source>
        <translation>Noch keine Nachrichten. Sag den anderen Gästen Hallo!</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="240"/>
        <location filename="../../qml/chat/ChatPane.qml" line="314"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="242"/>
        <location filename="../../qml/chat/ChatPane.qml" line="244"/>
        <source>Send a photo</source>
        <translation>Ein Foto senden</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="256"/>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="258"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="275"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="288"/>
        <source>Choose a photo to send</source>
        <translation>Foto zum Senden auswählen</translation>
    </message>
    <message>
        <location filename="../../qml/chat/ChatPane.qml" line="289"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
</context>
<context>
    <name>CitySearchField</name>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="17"/>
        <source>Search a city…</source>
        <translation>Stadt suchen…</translation>
    </message>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="18"/>
        <source>Search a city</source>
        <translation>Stadt suchen</translation>
    </message>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="67"/>
        <source>No German city called “%1” is known. Try another spelling or a larger town nearby.</source>
        <translation>Keine deutsche Stadt namens „%1“ gefunden. Versuch eine andere Schreibweise oder eine größere Stadt in der Nähe.</translation>
    </message>
</context>
<context>
    <name>ConfirmEmailBanner</name>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="23"/>
        <source>We sent you a new mail.</source>
        <translation>Wir haben dir eine neue Mail geschickt.</translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="48"/>
        <source>Confirm your e-mail address: open the link in the mail we sent to %1.</source>
        <translation>Bestätige deine E-Mail-Adresse: Öffne den Link in der Mail, die wir an %1 geschickt haben.</translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="57"/>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="63"/>
        <source>Enter code</source>
        <translation>Code eingeben</translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="80"/>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="81"/>
        <source>Code from the mail</source>
        <translation>Code aus der Mail</translation>
    </message>
    <message>
        <location filename="../../qml/auth/ConfirmEmailBanner.qml" line="86"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <location filename="../../qml/components/ConnectionBanner.qml" line="26"/>
        <source>The server cannot be reached. Trying again in %n second(s)…</source>
        <translation>
            <numerusform>Der Server ist nicht erreichbar. Neuer Versuch in %n Sekunde…</numerusform>
            <numerusform>Der Server ist nicht erreichbar. Neuer Versuch in %n Sekunden…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="27"/>
        <source>The server cannot be reached. Trying again…</source>
        <translation>Der Server ist nicht erreichbar. Neuer Versuch…</translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="30"/>
        <source>Try now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="31"/>
        <source>Try to reach the server now</source>
        <translation>Den Server jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>DatePickerField</name>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="59"/>
        <source>Not a date: type it like %1 or pick it from the calendar.</source>
        <translation>Kein Datum: Gib es wie %1 ein oder wähle es im Kalender.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="79"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="80"/>
        <source>Alt+Down opens a calendar.</source>
        <translation>Alt+Pfeil nach unten öffnet einen Kalender.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DatePickerField.qml" line="118"/>
        <source>Open the calendar</source>
        <translation>Kalender öffnen</translation>
    </message>
</context>
<context>
    <name>DiscoverPage</name>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="147"/>
        <source>Click the map where it takes place… (Esc cancels)</source>
        <translation>Klicke auf die Karte, wo es stattfindet… (Esc bricht ab)</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="148"/>
        <source>New meetup</source>
        <translation>Neues Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="150"/>
        <source>Create a new meetup</source>
        <translation>Ein neues Treffen anlegen</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="164"/>
        <source>Loading meetups…</source>
        <translation>Treffen werden geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/DiscoverPage.qml" line="165"/>
        <source>%n meetup(s) around here</source>
        <translation>
            <numerusform>%n Treffen in der Gegend</numerusform>
            <numerusform>%n Treffen in der Gegend</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoorCodeDialog</name>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="13"/>
        <source>Door mode with a door code</source>
        <translation>Türmodus mit einem Türcode</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="30"/>
        <source>Paste the door code the organizer gave you. It opens Door mode for one meetup.</source>
        <translation>Füge den Türcode ein, den du vom Veranstalter bekommen hast. Er öffnet den Türmodus für ein Treffen.</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorCodeDialog.qml" line="38"/>
        <source>Door code</source>
        <translation>Türcode</translation>
    </message>
</context>
<context>
    <name>DoorGuestDelegate</name>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="59"/>
        <source>in since %1 (not uploaded yet)</source>
        <translation>drin seit %1 (noch nicht hochgeladen)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="59"/>
        <source>in since %1</source>
        <translation>drin seit %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="60"/>
        <source>%n double entry(s)</source>
        <translation>
            <numerusform>%n doppelter Einlass</numerusform>
            <numerusform>%n doppelte Einlässe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="66"/>
        <source>Undo</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="66"/>
        <source>Check in</source>
        <translation>Einlassen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="68"/>
        <source>Undo the check-in of %1</source>
        <translation>Einlass von %1 zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorGuestDelegate.qml" line="69"/>
        <source>Check in %1</source>
        <translation>%1 einlassen</translation>
    </message>
</context>
<context>
    <name>DoorHandOverDialog</name>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="17"/>
        <source>Hand the door to a helper</source>
        <translation>Die Tür an eine Hilfe übergeben</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="22"/>
        <source>Door helper</source>
        <translation>Türhilfe</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="41"/>
        <source>The helper opens Door mode with this code (Settings → Door mode with a door code). It works only for this meetup&apos;s check-in and stops working when it expires.</source>
        <translation>Die Hilfe öffnet den Türmodus mit diesem Code (Einstellungen → Türmodus mit einem Türcode). Er gilt nur für den Einlass zu diesem Treffen und verfällt zur angegebenen Zeit.</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="50"/>
        <source>Who gets it (e.g. “South entrance”)</source>
        <translation>Wer ihn bekommt (z. B. „Eingang Süd“)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="51"/>
        <source>Name of the door helper</source>
        <translation>Name der Türhilfe</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="60"/>
        <source>Valid for hours</source>
        <translation>Gültig für Stunden</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="63"/>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="66"/>
        <source>Create code</source>
        <translation>Code erstellen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="79"/>
        <source>Door code</source>
        <translation>Türcode</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="84"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorHandOverDialog.qml" line="93"/>
        <source>Valid until %1. Shown only now.</source>
        <translation>Gültig bis %1. Wird nur jetzt angezeigt.</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="50"/>
        <source>Door: %1</source>
        <translation>Tür: %1</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="65"/>
        <source>Choose a picture of a ticket</source>
        <translation>Bild eines Tickets wählen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="66"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="125"/>
        <source>← Leave door mode</source>
        <translation>← Türmodus verlassen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="127"/>
        <source>Leave door mode (Esc)</source>
        <translation>Türmodus verlassen (Esc)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="139"/>
        <source>%1 of %2 checked in</source>
        <translation>%1 von %2 eingelassen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="160"/>
        <source>Hand over…</source>
        <translation>Übergeben…</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="162"/>
        <source>Hand the door to a helper</source>
        <translation>Die Tür an eine Hilfe übergeben</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="166"/>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="211"/>
        <source>Scan a ticket, or type its number and press Enter</source>
        <translation>Ticket scannen oder Ticketnummer eintippen und Enter drücken</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="212"/>
        <source>Ticket code or number</source>
        <translation>Ticketcode oder -nummer</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="224"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="233"/>
        <source>Picture…</source>
        <translation>Bild…</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="235"/>
        <source>Check a ticket from a picture file</source>
        <translation>Ein Ticket aus einer Bilddatei prüfen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="262"/>
        <source>No camera found. Door mode works without one: use a hand-held scanner or type the ticket number.</source>
        <translation>Keine Kamera gefunden. Der Türmodus geht auch ohne: Nimm einen Handscanner oder tippe die Ticketnummer ein.</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="278"/>
        <source>Find a guest by name, pudding or number</source>
        <translation>Gast nach Name, Pudding oder Nummer suchen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="279"/>
        <source>Find a guest</source>
        <translation>Gast suchen</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="301"/>
        <source>Not yet in (%1)</source>
        <translation>Noch nicht da (%1)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="306"/>
        <source>In (%1)</source>
        <translation>Drin (%1)</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="327"/>
        <source>Nobody left to come.</source>
        <translation>Alle sind da.</translation>
    </message>
    <message>
        <location filename="../../qml/door/DoorPage.qml" line="343"/>
        <source>Nobody is in yet.</source>
        <translation>Noch niemand eingelassen.</translation>
    </message>
</context>
<context>
    <name>DurationSpinBox</name>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="16"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/components/DurationSpinBox.qml" line="18"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="19"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <location filename="../../qml/components/DurationSpinBox.qml" line="54"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>EventDelegate</name>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="59"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/EventDelegate.qml" line="65"/>
        <source>%n place(s) left</source>
        <translation>
            <numerusform>noch %n Platz frei</numerusform>
            <numerusform>noch %n Plätze frei</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="65"/>
        <location filename="../../qml/events/EventDelegate.qml" line="66"/>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="66"/>
        <source>Full</source>
        <translation>Ausgebucht</translation>
    </message>
</context>
<context>
    <name>EventDetailsPane</name>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="56"/>
        <source>Meetup details</source>
        <translation>Details zum Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="111"/>
        <source>Close details</source>
        <translation>Details schließen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="126"/>
        <source>This meetup was cancelled.</source>
        <translation>Dieses Treffen wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="137"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="145"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="153"/>
        <source>Venue</source>
        <translation>Treffpunkt</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="167"/>
        <source>Organizer</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="169"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="172"/>
        <source>%1 of %2 left</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="173"/>
        <source>Full (%1 guests)</source>
        <translation>Ausgebucht (%1 Gäste)</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="185"/>
        <source>You are in: your request was approved.</source>
        <translation>Du bist dabei: deine Anfrage wurde angenommen.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="187"/>
        <source>Your request is waiting for the organizer.</source>
        <translation>Deine Anfrage wartet auf die Organisatorin oder den Organisator.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="189"/>
        <source>You are on the waitlist.</source>
        <translation>Du stehst auf der Warteliste.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="191"/>
        <source>A place became free and is held for you.</source>
        <translation>Ein Platz ist frei geworden und wird für dich freigehalten.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="193"/>
        <source>Your request was declined.</source>
        <translation>Deine Anfrage wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="216"/>
        <source>A place is held for you until %1 (%2 left)</source>
        <translation>Ein Platz wird für dich bis %1 freigehalten (noch %2)</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="235"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="242"/>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="275"/>
        <source>Sign in to join</source>
        <translation>Zum Teilnehmen anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="275"/>
        <source>Ask to join…</source>
        <translation>Teilnahme anfragen…</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="304"/>
        <source>Review requests</source>
        <translation>Anfragen prüfen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="311"/>
        <source>Door mode: check guests in</source>
        <translation>Türmodus: Gäste einlassen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="320"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="326"/>
        <source>Cancel meetup</source>
        <translation>Treffen absagen</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="24"/>
        <source>Edit meetup</source>
        <translation>Treffen bearbeiten</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="24"/>
        <source>New meetup</source>
        <translation>Neues Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="130"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="136"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="137"/>
        <source>e.g. Vanilla pudding picnic</source>
        <translation>z. B. Vanillepudding-Picknick</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="141"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="149"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="167"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="175"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="168"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="182"/>
        <source>State</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="187"/>
        <source>Venue or address (optional)</source>
        <translation>Treffpunkt oder Adresse (optional)</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="194"/>
        <source>Venue or address</source>
        <translation>Treffpunkt oder Adresse</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="195"/>
        <source>e.g. Clara-Zetkin-Park, east entrance</source>
        <translation>z. B. Clara-Zetkin-Park, Eingang Ost</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="199"/>
        <source>Shown only to you and the guests you approve, like the exact spot (%1, %2).</source>
        <translation>Nur für dich und die Gäste sichtbar, die du annimmst – wie der genaue Ort (%1, %2).</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="215"/>
        <source>Starts at</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="238"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="247"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="262"/>
        <source>Ends at %1</source>
        <translation>Endet um %1</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="263"/>
        <source>Ends %1</source>
        <translation>Endet %1</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="214"/>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="223"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="232"/>
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="274"/>
        <source>Guests at most</source>
        <translation>Höchstens Gäste</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="283"/>
        <source>Maximum number of guests</source>
        <translation>Höchstzahl der Gäste</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="289"/>
        <source>When a place frees up, hold it for the next on the waitlist for</source>
        <translation>Wird ein Platz frei, ihn für die nächste Person auf der Warteliste freihalten für</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="308"/>
        <source>Automatic (12 hours; 2 hours in the last day)</source>
        <translation>Automatisch (12 Stunden; 2 Stunden am letzten Tag)</translation>
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
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="316"/>
        <source>How long a freed place is held for the next guest</source>
        <translation>Wie lange ein frei gewordener Platz für den nächsten Gast freigehalten wird</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="340"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="345"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="345"/>
        <source>Create meetup</source>
        <translation>Treffen anlegen</translation>
    </message>
</context>
<context>
    <name>EventListPane</name>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="51"/>
        <source>Meetups in view</source>
        <translation>Treffen im Kartenausschnitt</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="95"/>
        <source>No meetups here. Zoom out, move the map or change the filters.</source>
        <translation>Hier gibt es keine Treffen. Zoome heraus, verschiebe die Karte oder ändere die Filter.</translation>
    </message>
</context>
<context>
    <name>EventMarker</name>
    <message numerus="yes">
        <location filename="../../qml/events/EventMarker.qml" line="39"/>
        <source>%n meetup(s) here; zoom in</source>
        <translation>
            <numerusform>%n Treffen hier; hineinzoomen</numerusform>
            <numerusform>%n Treffen hier; hineinzoomen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/events/EventMarker.qml" line="39"/>
        <source>Meetup</source>
        <translation>Treffen</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../shared/event.cpp" line="127"/>
        <source>Must be a text.</source>
        <translation>Muss ein Text sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="143"/>
        <source>Must be an object with numbers lat and lng.</source>
        <translation>Muss ein Objekt mit den Zahlen lat und lng sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="154"/>
        <source>Must be an ISO 8601 time with an offset, e.g. 2026-12-24T18:00:00Z.</source>
        <translation>Muss eine ISO-8601-Zeit mit Zeitzone sein, z. B. 2026-12-24T18:00:00Z.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="165"/>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="176"/>
        <source>Must be a whole number of minutes or null (automatic).</source>
        <translation>Muss eine ganze Zahl von Minuten oder null (automatisch) sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="182"/>
        <source>Some fields have the wrong type.</source>
        <translation>Einige Felder haben den falschen Typ.</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="47"/>
        <source>The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel.</source>
        <translation>Die Dateiauswahl kann nicht angezeigt werden (%1). Installiere das Paket qml6-module-qt-labs-folderlistmodel.</translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="48"/>
        <source>The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel, or drop the file here instead.</source>
        <translation>Die Dateiauswahl kann nicht angezeigt werden (%1). Installiere das Paket qml6-module-qt-labs-folderlistmodel oder ziehe die Datei hierher.</translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="53"/>
        <source>The file chooser cannot be shown.</source>
        <translation>Die Dateiauswahl kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <location filename="../../qml/components/FileChooser.qml" line="54"/>
        <source>The file chooser cannot be shown. Drop the file here instead.</source>
        <translation>Die Dateiauswahl kann nicht angezeigt werden. Ziehe die Datei stattdessen hierher.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="27"/>
        <source>Search titles and descriptions…</source>
        <translation>Titel und Beschreibungen durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="28"/>
        <source>Search meetups</source>
        <translation>Treffen durchsuchen</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="34"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="40"/>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="43"/>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="44"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="45"/>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="46"/>
        <source>Next 30 days</source>
        <translation>Nächste 30 Tage</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="60"/>
        <source>Within</source>
        <translation>Im Umkreis von</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="65"/>
        <source>Search a city first</source>
        <translation>Suche zuerst eine Stadt</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="76"/>
        <source>Search radius in kilometres</source>
        <translation>Suchradius in Kilometern</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="80"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="87"/>
        <source>Only with free places</source>
        <translation>Nur mit freien Plätzen</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="94"/>
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95"/>
        <source>By date</source>
        <translation>Nach Datum</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95"/>
        <source>By distance</source>
        <translation>Nach Entfernung</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="26"/>
        <source>Ask to join</source>
        <translation>Teilnahme anfragen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="66"/>
        <source>Choose a photo of your pudding</source>
        <translation>Wähle ein Foto deines Puddings</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="67"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="83"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="111"/>
        <source>Checking the photo…</source>
        <translation>Das Foto wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="112"/>
        <source>Drop a photo here, or choose one (JPEG, PNG or WebP, at most 5 MB).</source>
        <translation>Ziehe ein Foto hierher oder wähle eines aus (JPEG, PNG oder WebP, höchstens 5 MB).</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="124"/>
        <location filename="../../qml/attendance/JoinDialog.qml" line="141"/>
        <source>Choose photo…</source>
        <translation>Foto auswählen…</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="141"/>
        <source>Choose another photo…</source>
        <translation>Anderes Foto auswählen…</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="154"/>
        <location filename="../../qml/attendance/JoinDialog.qml" line="160"/>
        <source>Your pudding</source>
        <translation>Dein Pudding</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="161"/>
        <source>e.g. Grießpudding with cherries</source>
        <translation>z. B. Grießpudding mit Kirschen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="171"/>
        <source>Description (optional)</source>
        <translation>Beschreibung (optional)</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="179"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="182"/>
        <source>What makes it special? At most 500 characters.</source>
        <translation>Was macht ihn besonders? Höchstens 500 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="212"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/JoinDialog.qml" line="219"/>
        <source>Send request</source>
        <translation>Anfrage senden</translation>
    </message>
</context>
<context>
    <name>KeychainBanner</name>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="24"/>
        <source>No keyring is available: you stay signed in until you quit the app.</source>
        <translation>Kein Schlüsselbund verfügbar: Du bleibst angemeldet, bis du die App beendest.</translation>
    </message>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="27"/>
        <source>Remember me in a plain-text file</source>
        <translation>In einer Klartextdatei merken</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="15"/>
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../qml/map/MapView.qml" line="127"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="128"/>
        <source>Arrow keys move the map; plus and minus zoom in and out.</source>
        <translation>Pfeiltasten verschieben die Karte; Plus und Minus zoomen hinein und heraus.</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="182"/>
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap-Mitwirkende</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="183"/>
        <source>Made with Natural Earth</source>
        <translation>Erstellt mit Natural Earth</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="127"/>
        <source>Photo from %1</source>
        <translation>Foto von %1</translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="183"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="187"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../qml/chat/MessageDelegate.qml" line="193"/>
        <source>Send again</source>
        <translation>Noch einmal senden</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <location filename="../../qml/components/MonthCalendar.qml" line="107"/>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <location filename="../../qml/components/MonthCalendar.qml" line="122"/>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
</context>
<context>
    <name>MyEventsPage</name>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="14"/>
        <source>My meetups</source>
        <translation>Meine Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="33"/>
        <source>← Map</source>
        <translation>← Karte</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="34"/>
        <source>Back to the map</source>
        <translation>Zurück zur Karte</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="44"/>
        <source>Which meetups</source>
        <translation>Welche Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Upcoming</source>
        <translation>Bevorstehend</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45"/>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/organizer/MyEventsPage.qml" line="75"/>
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="96"/>
        <source>No meetups here yet. Create one from the map.</source>
        <translation>Noch keine Treffen. Lege eines auf der Karte an.</translation>
    </message>
</context>
<context>
    <name>MyRequestsPage</name>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="16"/>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="18"/>
        <source>Approved</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="20"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="22"/>
        <source>Waitlisted #%1</source>
        <translation>Warteliste Nr. %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="24"/>
        <source>Place offered</source>
        <translation>Platz angeboten</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="30"/>
        <source>My requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="69"/>
        <source>← Map</source>
        <translation>← Karte</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="70"/>
        <source>Back to the map</source>
        <translation>Zurück zur Karte</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="79"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="148"/>
        <source>You bring: %1</source>
        <translation>Du bringst mit: %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="157"/>
        <source>A place is held for you until %1 (%2 left)</source>
        <translation>Ein Platz wird für dich bis %1 freigehalten (noch %2)</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="174"/>
        <source>Chat (%1 new)</source>
        <translation>Chat (%1 neu)</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="174"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="177"/>
        <source>Open the chat, %n unread message(s)</source>
        <translation>
            <numerusform>Chat öffnen, %n ungelesene Nachricht</numerusform>
            <numerusform>Chat öffnen, %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="178"/>
        <source>Open the chat</source>
        <translation>Chat öffnen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="188"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="190"/>
        <source>Accept the place offered at %1</source>
        <translation>Den angebotenen Platz bei %1 annehmen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="196"/>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="197"/>
        <source>Decline the place offered at %1</source>
        <translation>Den angebotenen Platz bei %1 ablehnen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="201"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="218"/>
        <source>You have not asked to join any meetup yet.</source>
        <translation>Du hast noch bei keinem Treffen angefragt.</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="248"/>
        <source>Close the chat</source>
        <translation>Chat schließen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="269"/>
        <source>Leave this meetup?</source>
        <translation>Dieses Treffen verlassen?</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/MyRequestsPage.qml" line="273"/>
        <source>Your request for “%1” will be withdrawn. If you had a place, it goes to the next person.</source>
        <translation>Deine Anfrage für „%1“ wird zurückgezogen. Hattest du einen Platz, geht er an die nächste Person.</translation>
    </message>
</context>
<context>
    <name>MyTicketsPage</name>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="16"/>
        <source>My tickets</source>
        <translation>Meine Tickets</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="29"/>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="46"/>
        <source>← Map</source>
        <translation>← Karte</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="47"/>
        <source>Back to the map</source>
        <translation>Zurück zur Karte</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="56"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="73"/>
        <source>Offline: your tickets could not be loaded.</source>
        <translation>Offline: Deine Tickets konnten nicht geladen werden.</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="74"/>
        <source>Offline: these are your tickets as of %1. They still work at the door.</source>
        <translation>Offline: Das sind deine Tickets vom Stand %1. Am Einlass gelten sie trotzdem.</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="101"/>
        <source>Saving the PDF…</source>
        <translation>Das PDF wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/MyTicketsPage.qml" line="137"/>
        <source>No tickets yet. When an organizer approves your request, your ticket appears here.</source>
        <translation>Noch keine Tickets. Sobald ein Veranstalter deine Anfrage annimmt, erscheint dein Ticket hier.</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="33"/>
        <source>%1 would like to join “%2”</source>
        <translation>%1 möchte bei „%2“ dabei sein</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="34"/>
        <source>%1 brings: %2. Open the requests of your meetup to approve or decline.</source>
        <translation>%1 bringt mit: %2. Öffne die Anfragen deines Treffens, um zuzusagen oder abzulehnen.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="36"/>
        <source>You are in: “%1”</source>
        <translation>Du bist dabei: „%1“</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="38"/>
        <source>The organizer approved your request. See you on %1.</source>
        <translation>Die Organisatorin oder der Organisator hat deine Anfrage angenommen. Bis %1!</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="40"/>
        <source>Your request for “%1” was declined</source>
        <translation>Deine Anfrage für „%1“ wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="42"/>
        <source>The organizer declined your request this time.</source>
        <translation>Die Organisatorin oder der Organisator hat deine Anfrage diesmal abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="43"/>
        <source>Note from the organizer: %1</source>
        <translation>Notiz der Organisatorin oder des Organisators: %1</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="45"/>
        <source>A place is free for you: “%1”</source>
        <translation>Ein Platz ist für dich frei: „%1“</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="46"/>
        <source>It is held for you until %1. Accept it in the app before then, or it goes to the next person on the waiting list.</source>
        <translation>Er ist bis %1 für dich reserviert. Nimm ihn vorher in der App an, sonst geht er an die nächste Person auf der Warteliste.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="50"/>
        <source>Your offer for “%1” has expired</source>
        <translation>Dein Platzangebot für „%1“ ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="51"/>
        <source>You did not accept the place in time; it went to the next person.</source>
        <translation>Du hast den Platz nicht rechtzeitig angenommen; er ging an die nächste Person.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="53"/>
        <source>“%1” has changed</source>
        <translation>„%1“ wurde geändert</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="55"/>
        <source>Changed: %1. It now starts on %2 in %3.</source>
        <translation>Geändert: %1. Es beginnt jetzt am %2 in %3.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="56"/>
        <source>the time</source>
        <translation>die Zeit</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="57"/>
        <source>the place</source>
        <translation>der Ort</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="58"/>
        <source>the title</source>
        <translation>der Titel</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="59"/>
        <source>the description</source>
        <translation>die Beschreibung</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="60"/>
        <source>the number of places</source>
        <translation>die Zahl der Plätze</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="61"/>
        <source>“%1” is cancelled</source>
        <translation>„%1“ ist abgesagt</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="63"/>
        <source>The meetup on %1 will not take place.</source>
        <translation>Das Treffen am %1 findet nicht statt.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="64"/>
        <source>New message in “%1”</source>
        <translation>Neue Nachricht in „%1“</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="65"/>
        <source>%1 new messages in “%2”</source>
        <translation>%1 neue Nachrichten in „%2“</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="66"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="68"/>
        <source>Reminder: “%1” starts on %2</source>
        <translation>Erinnerung: „%1“ beginnt am %2</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="70"/>
        <source>Where: %1. You bring: %2.</source>
        <translation>Wo: %1. Du bringst mit: %2.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="71"/>
        <source>Can&apos;t come after all? Free your place for someone on the waiting list: %1</source>
        <translation>Du kannst doch nicht kommen? Gib deinen Platz für jemanden auf der Warteliste frei: %1</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="75"/>
        <source>Open the Pudding Gabel app to answer or to see more.</source>
        <translation>Öffne die App Pudding Gabel, um zu antworten oder mehr zu sehen.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="76"/>
        <source>You get this mail because of your notification settings in Pudding Gabel.</source>
        <translation>Du erhältst diese E-Mail wegen deiner Benachrichtigungseinstellungen in Pudding Gabel.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="79"/>
        <source>Unsubscribe from these mails</source>
        <translation>Diese E-Mails abbestellen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="81"/>
        <source>A new request to join your meetups</source>
        <translation>Eine neue Anfrage für deine Treffen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="83"/>
        <source>%1 new requests to join your meetups</source>
        <translation>%1 neue Anfragen für deine Treffen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="84"/>
        <source>These requests arrived since the last summary. Open the requests of each meetup to approve or decline.</source>
        <translation>Diese Anfragen kamen seit der letzten Zusammenfassung. Öffne die Anfragen des jeweiligen Treffens, um zuzusagen oder abzulehnen.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notifications.cpp" line="87"/>
        <source>dddd d MMMM yyyy, HH:mm</source>
        <translation>dddd, d. MMMM yyyy, HH:mm &apos;Uhr&apos;</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="37"/>
        <location filename="../../server/notifications/notificationsapi.cpp" line="41"/>
        <source>Unsubscribe</source>
        <translation>Abbestellen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="38"/>
        <source>Stop mails of this kind: %1? You still see them in the app, and you can switch the mails on again in its settings.</source>
        <translation>Keine E-Mails mehr zu: %1? In der App siehst du sie weiterhin, und in ihren Einstellungen kannst du die E-Mails wieder einschalten.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="42"/>
        <source>Unsubscribed</source>
        <translation>Abbestellt</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="44"/>
        <source>You will get no more mails of this kind: %1.</source>
        <translation>Du bekommst keine E-Mails mehr zu: %1.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="45"/>
        <source>This link is not valid</source>
        <translation>Dieser Link ist ungültig</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="46"/>
        <source>The link may be incomplete. Copy the whole link from the mail, or change your mail settings in the app.</source>
        <translation>Vielleicht ist der Link unvollständig. Kopiere den ganzen Link aus der E-Mail oder ändere deine E-Mail-Einstellungen in der App.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="49"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="51"/>
        <source>Please try again in a moment.</source>
        <translation>Bitte versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="53"/>
        <source>requests to join your meetups</source>
        <translation>Anfragen für deine Treffen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="54"/>
        <source>approved requests</source>
        <translation>angenommene Anfragen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="55"/>
        <source>declined requests</source>
        <translation>abgelehnte Anfragen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="57"/>
        <source>places offered from the waiting list</source>
        <translation>Platzangebote von der Warteliste</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="58"/>
        <source>expired offers</source>
        <translation>abgelaufene Platzangebote</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="59"/>
        <source>changed meetups</source>
        <translation>geänderte Treffen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="60"/>
        <source>cancelled meetups</source>
        <translation>abgesagte Treffen</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="61"/>
        <source>chat messages</source>
        <translation>Chatnachrichten</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="62"/>
        <source>reminders</source>
        <translation>Erinnerungen</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <location filename="../../qml/notifications/NotificationBell.qml" line="13"/>
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationBell.qml" line="14"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <location filename="../../qml/notifications/NotificationDelegate.qml" line="21"/>
        <source>Unread:</source>
        <translation>Ungelesen:</translation>
    </message>
</context>
<context>
    <name>NotificationPreferencesDialog</name>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="13"/>
        <source>Notification settings</source>
        <translation>Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="42"/>
        <source>Notify me about</source>
        <translation>Benachrichtige mich über</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="46"/>
        <source>In the app</source>
        <translation>In der App</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="50"/>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="79"/>
        <source>%1 in the app</source>
        <translation>%1 in der App</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="95"/>
        <source>%1 by e-mail</source>
        <translation>%1 per E-Mail</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="97"/>
        <source>These mails cannot be switched off.</source>
        <translation>Diese E-Mails lassen sich nicht abschalten.</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="110"/>
        <source>Mails about requests to join my meetups</source>
        <translation>E-Mails zu Anfragen für meine Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="118"/>
        <source>At once</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="119"/>
        <source>Once an hour</source>
        <translation>Einmal pro Stunde</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationPreferencesDialog.qml" line="120"/>
        <source>Daily at 18:00</source>
        <translation>Täglich um 18:00</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="160"/>
        <source>Use the id of a notification.</source>
        <translation>Gib die ID einer Benachrichtigung an.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="169"/>
        <source>Use a number from 1 to 100.</source>
        <translation>Gib eine Zahl von 1 bis 100 an.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="204"/>
        <source>Use true.</source>
        <translation>Gib true an.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="217"/>
        <source>Give 1 to 500 notification ids, or all: true.</source>
        <translation>Gib 1 bis 500 Benachrichtigungs-IDs an oder all: true.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="279"/>
        <source>Give a list of {type, app, mail} with a known type and true or false.</source>
        <translation>Gib eine Liste von {type, app, mail} mit einem bekannten Typ und true oder false an.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="306"/>
        <source>Mails about your account cannot be switched off.</source>
        <translation>E-Mails zu deinem Konto lassen sich nicht abschalten.</translation>
    </message>
    <message>
        <location filename="../../server/notifications/notificationsapi.cpp" line="322"/>
        <source>Use immediate, hourly or daily.</source>
        <translation>Gib immediate, hourly oder daily an.</translation>
    </message>
</context>
<context>
    <name>NotificationsDrawer</name>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="38"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="46"/>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="52"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="53"/>
        <source>Notification settings</source>
        <translation>Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="91"/>
        <source>Show older</source>
        <translation>Ältere anzeigen</translation>
    </message>
    <message>
        <location filename="../../qml/notifications/NotificationsDrawer.qml" line="97"/>
        <source>Nothing new.</source>
        <translation>Nichts Neues.</translation>
    </message>
</context>
<context>
    <name>PasswordResetPane</name>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="28"/>
        <source>Enter the e-mail address of your account. We will send you a code to choose a new password.</source>
        <translation>Gib die E-Mail-Adresse deines Kontos ein. Wir schicken dir einen Code, mit dem du ein neues Passwort wählst.</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="32"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="40"/>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="55"/>
        <source>Check your mail</source>
        <translation>Schau in dein Postfach</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="61"/>
        <source>If %1 belongs to an account, we sent a mail to it. Open its link, or enter the code from the mail here. The code is valid for one hour.</source>
        <translation>Wenn %1 zu einem Konto gehört, haben wir eine Mail dorthin geschickt. Öffne ihren Link oder gib den Code aus der Mail hier ein. Der Code gilt eine Stunde.</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="65"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="73"/>
        <source>Code from the mail</source>
        <translation>Code aus der Mail</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="82"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="90"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="92"/>
        <source>At least 10 characters</source>
        <translation>Mindestens 10 Zeichen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="100"/>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="108"/>
        <source>Repeat the new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="131"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="146"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="152"/>
        <source>Send code</source>
        <translation>Code senden</translation>
    </message>
    <message>
        <location filename="../../qml/auth/PasswordResetPane.qml" line="152"/>
        <source>Save the new password</source>
        <translation>Neues Passwort speichern</translation>
    </message>
</context>
<context>
    <name>PhotoFile</name>
    <message>
        <location filename="../../client/api/photofile.cpp" line="28"/>
        <source>This file cannot be opened.</source>
        <translation>Diese Datei lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../../client/api/photofile.cpp" line="31"/>
        <source>The photo is too large: at most 5 MB, please.</source>
        <translation>Das Foto ist zu groß: höchstens 5 MB, bitte.</translation>
    </message>
    <message>
        <location filename="../../client/api/photofile.cpp" line="52"/>
        <source>This is not an image. Use a JPEG, PNG or WebP photo.</source>
        <translation>Das ist kein Bild. Nimm ein JPEG-, PNG- oder WebP-Foto.</translation>
    </message>
</context>
<context>
    <name>PhotoImageProvider</name>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="35"/>
        <source>No such photo.</source>
        <translation>Dieses Foto gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="84"/>
        <source>The photo could not be loaded (%1).</source>
        <translation>Das Foto konnte nicht geladen werden (%1).</translation>
    </message>
    <message>
        <location filename="../../client/attendance/photoimageprovider.cpp" line="105"/>
        <source>The photo could not be decoded.</source>
        <translation>Das Foto konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::AccountManager</name>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="41"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="111"/>
        <location filename="../../client/auth/accountmanager.cpp" line="303"/>
        <source>Please check the marked fields.</source>
        <translation>Bitte prüfe die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="175"/>
        <source>Please enter your email address and password.</source>
        <translation>Bitte gib deine E-Mail-Adresse und dein Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="271"/>
        <location filename="../../client/auth/accountmanager.cpp" line="272"/>
        <source>Please enter your email address.</source>
        <translation>Bitte gib deine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="297"/>
        <location filename="../../client/auth/accountmanager.cpp" line="336"/>
        <location filename="../../client/auth/accountmanager.cpp" line="337"/>
        <source>Please enter the code from the mail.</source>
        <translation>Bitte gib den Code aus der Mail ein.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="301"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="314"/>
        <source>This code is unknown, was used already or has expired. Ask for a new mail.</source>
        <translation>Dieser Code ist unbekannt, wurde schon benutzt oder ist abgelaufen. Fordere eine neue Mail an.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="348"/>
        <source>This code is unknown, was used already or has expired.</source>
        <translation>Dieser Code ist unbekannt, wurde schon benutzt oder ist abgelaufen.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiCall</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="80"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiClient</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="274"/>
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="276"/>
        <source>An account with this email address exists already.</source>
        <translation>Es gibt bereits ein Konto mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="278"/>
        <source>Please sign in again.</source>
        <translation>Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="280"/>
        <source>You are not allowed to do that.</source>
        <translation>Das darfst du nicht.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="282"/>
        <source>This no longer exists.</source>
        <translation>Das gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="284"/>
        <source>Too many attempts. Please wait a moment.</source>
        <translation>Zu viele Versuche. Bitte warte einen Moment.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="286"/>
        <source>That is too large to send.</source>
        <translation>Das ist zu groß zum Senden.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="288"/>
        <source>Something went wrong on the server. Please try again later.</source>
        <translation>Auf dem Server ist etwas schiefgegangen. Bitte versuche es später noch einmal.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="290"/>
        <source>That conflicts with the current state.</source>
        <translation>Das widerspricht dem aktuellen Stand.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="291"/>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::CalendarExport</name>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="24"/>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="27"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="46"/>
        <source>Choose a file on this computer.</source>
        <translation>Wähle eine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../client/calendar/calendarexport.cpp" line="79"/>
        <source>No calendar app opened the file. It is saved as %1.</source>
        <translation>Keine Kalender-App hat die Datei geöffnet. Sie ist als %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::CameraScanner</name>
    <message>
        <location filename="../../client/door/camerascanner.cpp" line="63"/>
        <source>The camera failed: %1</source>
        <translation>Die Kamera ist ausgefallen: %1</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatModel</name>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="21"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="23"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="84"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="86"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
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
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatmodel.cpp" line="386"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/chat/chatmodel.cpp" line="388"/>
        <source>%1 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1 und %n weitere Person schreiben…</numerusform>
            <numerusform>%1 und %n weitere Personen schreiben…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatRoom</name>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="234"/>
        <source>Only the organizer and approved guests can read this chat.</source>
        <translation>Nur die Organisation und angenommene Gäste können diesen Chat lesen.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="432"/>
        <source>You cannot write in this chat.</source>
        <translation>Du kannst in diesem Chat nicht schreiben.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="567"/>
        <source>Not sent: the server did not confirm it. Try again.</source>
        <translation>Nicht gesendet: der Server hat es nicht bestätigt. Versuch es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="683"/>
        <source>You are no longer in this chat: the organizer removed you from the meetup.</source>
        <translation>Du bist nicht mehr in diesem Chat: die Organisation hat dich vom Treffen entfernt.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatroom.cpp" line="685"/>
        <source>Not sent: you are no longer in this chat.</source>
        <translation>Nicht gesendet: du bist nicht mehr in diesem Chat.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ChatRooms</name>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="55"/>
        <source>Not sent: you are signed out.</source>
        <translation>Nicht gesendet: du bist abgemeldet.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="222"/>
        <source>New request to join</source>
        <translation>Neue Teilnahmeanfrage</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="222"/>
        <source>%1 wants to bring %2.</source>
        <translation>%1 möchte %2 mitbringen.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="237"/>
        <source>Meetup cancelled</source>
        <translation>Treffen abgesagt</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="238"/>
        <source>“%1” was cancelled.</source>
        <translation>„%1“ wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="253"/>
        <source>You are in: your request was approved.</source>
        <translation>Du bist dabei: deine Anfrage wurde angenommen.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="254"/>
        <source>You are in: your request for “%1” was approved.</source>
        <translation>Du bist dabei: deine Anfrage für „%1“ wurde angenommen.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="256"/>
        <source>Your request was declined.</source>
        <translation>Deine Anfrage wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="257"/>
        <source>Your request for “%1” was declined.</source>
        <translation>Deine Anfrage für „%1“ wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="262"/>
        <source>A place is held for you until %1: accept or decline it.</source>
        <translation>Ein Platz wird bis %1 für dich freigehalten: nimm ihn an oder lehne ab.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="268"/>
        <source>A place at “%1” is held for you: accept or decline it.</source>
        <translation>Bei „%1“ wird ein Platz für dich freigehalten: nimm ihn an oder lehne ab.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="269"/>
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="280"/>
        <source>Not sent: too many messages at once. Try again.</source>
        <translation>Nicht gesendet: zu viele Nachrichten auf einmal. Versuch es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="282"/>
        <source>Not sent: you are not in this chat.</source>
        <translation>Nicht gesendet: du bist nicht in diesem Chat.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="284"/>
        <source>Not sent: the chat was not open yet. Try again.</source>
        <translation>Nicht gesendet: der Chat war noch nicht geöffnet. Versuch es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../client/chat/chatrooms.cpp" line="300"/>
        <source>Only the organizer and approved guests can read this chat.</source>
        <translation>Nur die Organisation und angenommene Gäste können diesen Chat lesen.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::DoorSession</name>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="410"/>
        <source>No guest list yet: Door mode needs the network once to download it.</source>
        <translation>Noch keine Gästeliste: Der Türmodus braucht einmal das Netz, um sie zu laden.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="432"/>
        <source>The server sent a guest list this app cannot read.</source>
        <translation>Der Server hat eine Gästeliste geschickt, die diese App nicht lesen kann.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="654"/>
        <source>No ticket code found in this picture.</source>
        <translation>In diesem Bild wurde kein Ticket-Code gefunden.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="661"/>
        <location filename="../../client/door/doorsession.cpp" line="706"/>
        <source>No guest list yet: connect once to download it.</source>
        <translation>Noch keine Gästeliste: einmal verbinden, um sie zu laden.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="675"/>
        <source>Not a Pudding Gabel ticket.</source>
        <translation>Kein Ticket von Pudding Gabel.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="679"/>
        <source>Signed with a key this guest list does not know: forged, or the list is outdated.</source>
        <translation>Mit einem Schlüssel signiert, den diese Gästeliste nicht kennt: gefälscht, oder die Liste ist veraltet.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="683"/>
        <source>Forged ticket: the signature does not match.</source>
        <translation>Gefälschtes Ticket: Die Signatur passt nicht.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="686"/>
        <source>This ticket is for another meetup.</source>
        <translation>Dieses Ticket gilt für ein anderes Treffen.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="689"/>
        <source>This ticket is not valid yet.</source>
        <translation>Dieses Ticket gilt noch nicht.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="692"/>
        <source>This ticket has expired.</source>
        <translation>Dieses Ticket ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="702"/>
        <source>“%1” is not a ticket number.</source>
        <translation>„%1“ ist keine Ticketnummer.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="719"/>
        <source>Unknown ticket number %1: not on this meetup&apos;s guest list.</source>
        <translation>Unbekannte Ticketnummer %1: nicht auf der Gästeliste dieses Treffens.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="741"/>
        <source>Revoked: the guest left the meetup.</source>
        <translation>Ungültig: Der Gast hat das Treffen verlassen.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="743"/>
        <source>Revoked: the guest was declined.</source>
        <translation>Ungültig: Der Gast wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="745"/>
        <source>Revoked: the meetup was cancelled.</source>
        <translation>Ungültig: Das Treffen wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="747"/>
        <source>Revoked: the guest was removed.</source>
        <translation>Ungültig: Der Gast wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="761"/>
        <source>Valid signature; not yet on the guest list loaded at %1.</source>
        <translation>Gültige Signatur; noch nicht auf der um %1 geladenen Gästeliste.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="770"/>
        <source>Already inside since %1 — double entry.</source>
        <translation>Schon drin seit %1 — doppelter Einlass.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="785"/>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="786"/>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="965"/>
        <source>Refused by the server after upload: %1</source>
        <translation>Nach dem Hochladen vom Server abgewiesen: %1</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1021"/>
        <source>Undo needs the network: try again when online.</source>
        <translation>Zurücknehmen braucht das Netz: Versuch es wieder, wenn du online bist.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1127"/>
        <source>This door access is no longer valid (revoked or expired). Scans are kept on this device; ask the organizer for a new door token.</source>
        <translation>Dieser Türzugang gilt nicht mehr (widerrufen oder abgelaufen). Die Scans bleiben auf diesem Gerät; bitte den Veranstalter um einen neuen Türcode.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1130"/>
        <source>This meetup&apos;s guest list is not available to you.</source>
        <translation>Die Gästeliste dieses Treffens ist für dich nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1132"/>
        <source>The server no longer accepts this session. Scans are kept on this device.</source>
        <translation>Der Server nimmt diese Sitzung nicht mehr an. Die Scans bleiben auf diesem Gerät.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1142"/>
        <source>Access refused — %n scan(s) kept on this device</source>
        <translation>
            <numerusform>Zugang verweigert — %n Scan bleibt auf diesem Gerät</numerusform>
            <numerusform>Zugang verweigert — %n Scans bleiben auf diesem Gerät</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1144"/>
        <source>Offline — %n scan(s) waiting</source>
        <translation>
            <numerusform>Offline — %n Scan wartet</numerusform>
            <numerusform>Offline — %n Scans warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/door/doorsession.cpp" line="1146"/>
        <source>Online — uploading %n scan(s)</source>
        <translation>
            <numerusform>Online — %n Scan wird hochgeladen</numerusform>
            <numerusform>Online — %n Scans werden hochgeladen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/door/doorsession.cpp" line="1147"/>
        <source>Online — all scans uploaded</source>
        <translation>Online — alle Scans hochgeladen</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::EventEditor</name>
    <message>
        <location filename="../../client/events/eventeditor.cpp" line="80"/>
        <source>Please check the marked fields.</source>
        <translation>Bitte prüfe die markierten Felder.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::JoinRequest</name>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="114"/>
        <source>Add a photo of your pudding.</source>
        <translation>Füge ein Foto deines Puddings hinzu.</translation>
    </message>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="116"/>
        <source>Please check the marked fields.</source>
        <translation>Bitte prüfe die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../client/attendance/joinrequest.cpp" line="120"/>
        <source>Choose a meetup first.</source>
        <translation>Wähle zuerst ein Treffen aus.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::NotificationPreferences</name>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="353"/>
        <source>Requests to join my meetups</source>
        <translation>Anfragen für meine Treffen</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="355"/>
        <source>My request was approved</source>
        <translation>Meine Anfrage wurde angenommen</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="357"/>
        <source>My request was declined</source>
        <translation>Meine Anfrage wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="359"/>
        <source>A place is offered from the waiting list</source>
        <translation>Ein Platz von der Warteliste wird angeboten</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="361"/>
        <source>An offered place expired</source>
        <translation>Ein angebotener Platz ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="363"/>
        <source>A meetup changed</source>
        <translation>Ein Treffen wurde geändert</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="365"/>
        <source>A meetup was cancelled</source>
        <translation>Ein Treffen wurde abgesagt</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="367"/>
        <source>Chat messages while I am away</source>
        <translation>Chatnachrichten, während ich weg bin</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="369"/>
        <source>Reminders before a meetup</source>
        <translation>Erinnerungen vor einem Treffen</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="371"/>
        <source>My account (password reset, address confirmation)</source>
        <translation>Mein Konto (Passwort zurücksetzen, Adresse bestätigen)</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::NotificationsModel</name>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="251"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/notifications/notificationsmodel.cpp" line="253"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="258"/>
        <source>today, %1</source>
        <translation>heute, %1</translation>
    </message>
    <message>
        <location filename="../../client/notifications/notificationsmodel.cpp" line="260"/>
        <source>yesterday, %1</source>
        <translation>gestern, %1</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ReminderSettings</name>
    <message>
        <location filename="../../client/reminders/remindersettings.cpp" line="66"/>
        <source>At most four reminders.</source>
        <translation>Höchstens vier Erinnerungen.</translation>
    </message>
    <message>
        <location filename="../../client/reminders/remindersettings.cpp" line="72"/>
        <source>A reminder comes 5 minutes to 14 days before the start.</source>
        <translation>Eine Erinnerung kommt 5 Minuten bis 14 Tage vor dem Beginn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="83"/>
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n Tag vorher</numerusform>
            <numerusform>%n Tage vorher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="85"/>
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n Stunde vorher</numerusform>
            <numerusform>%n Stunden vorher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../client/reminders/remindersettings.cpp" line="86"/>
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n Minute vorher</numerusform>
            <numerusform>%n Minuten vorher</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ReviewQueueModel</name>
    <message>
        <location filename="../../client/attendance/reviewqueuemodel.cpp" line="318"/>
        <source>The meetup is full: reject someone approved before approving another request.</source>
        <translation>Das Treffen ist ausgebucht: Lehne eine angenommene Person ab, bevor du eine weitere Anfrage annimmst.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::TicketsModel</name>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="208"/>
        <source>You left this meetup.</source>
        <translation>Du hast dieses Treffen verlassen.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="210"/>
        <source>The organizer withdrew your place.</source>
        <translation>Der Veranstalter hat dir den Platz wieder entzogen.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="212"/>
        <source>The meetup was cancelled.</source>
        <translation>Das Treffen wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="214"/>
        <source>The organizer removed you from the meetup.</source>
        <translation>Der Veranstalter hat dich aus dem Treffen entfernt.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="462"/>
        <source>The PDF could not be saved: choose a file on this computer.</source>
        <translation>Das PDF konnte nicht gespeichert werden: Wähle eine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="476"/>
        <source>The ticket is no longer listed.</source>
        <translation>Das Ticket ist nicht mehr aufgeführt.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketsmodel.cpp" line="567"/>
        <source>Revoked: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsDialog</name>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="16"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="59"/>
        <source>Before a meetup you were approved for, Pudding Gabel reminds you in the app and by e-mail, with the exact place and a link in case you cannot come after all.</source>
        <translation>Vor einem Treffen, für das du zugesagt bekommen hast, erinnert dich Pudding Gabel in der App und per E-Mail – mit dem genauen Ort und einem Link, falls du doch nicht kommen kannst.</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="63"/>
        <source>Remind me before meetups</source>
        <translation>Vor Treffen erinnern</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="70"/>
        <source>24 hours before</source>
        <translation>24 Stunden vorher</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="77"/>
        <source>2 hours before</source>
        <translation>2 Stunden vorher</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="83"/>
        <source>Your own reminders</source>
        <translation>Eigene Erinnerungen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="100"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="101"/>
        <source>Remove the reminder %1</source>
        <translation>Die Erinnerung %1 entfernen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="118"/>
        <source>How long before the start</source>
        <translation>Wie lange vor dem Beginn</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="124"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="126"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="130"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="142"/>
        <source>You have four reminders, the most there can be.</source>
        <translation>Du hast vier Erinnerungen, mehr geht nicht.</translation>
    </message>
    <message>
        <location filename="../../qml/reminders/ReminderSettingsDialog.qml" line="143"/>
        <source>From 5 minutes to 14 days before the start; up to four reminders.</source>
        <translation>5 Minuten bis 14 Tage vor dem Beginn; bis zu vier Erinnerungen.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../server/reminders/reminders.cpp" line="218"/>
        <location filename="../../server/reminders/reminders.cpp" line="219"/>
        <source>At most four reminders.</source>
        <translation>Höchstens vier Erinnerungen.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/reminders.cpp" line="223"/>
        <location filename="../../server/reminders/reminders.cpp" line="225"/>
        <source>A reminder comes 5 minutes to 14 days before the start.</source>
        <translation>Eine Erinnerung kommt 5 Minuten bis 14 Tage vor dem Beginn.</translation>
    </message>
    <message>
        <location filename="../../server/reminders/remindersapi.cpp" line="163"/>
        <source>A list of whole minutes before the start, e.g. [1440, 120].</source>
        <translation>Eine Liste ganzer Minuten vor dem Beginn, z. B. [1440, 120].</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="21"/>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="23"/>
        <source>Approved</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="25"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="27"/>
        <source>Waitlisted #%1</source>
        <translation>Warteliste Nr. %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="29"/>
        <source>Place offered</source>
        <translation>Platz angeboten</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="44"/>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="65"/>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="66"/>
        <source>Back to the map</source>
        <translation>Zurück zur Karte</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="77"/>
        <source>Full</source>
        <translation>Ausgebucht</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="77"/>
        <source>%n place(s) left</source>
        <translation>
            <numerusform>noch %n Platz frei</numerusform>
            <numerusform>noch %n Plätze frei</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="81"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="103"/>
        <source>Keys: A approves, R rejects the selected request.</source>
        <translation>Tasten: A nimmt die gewählte Anfrage an, R lehnt sie ab.</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="157"/>
        <source>Photo of %1</source>
        <translation>Foto von %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="178"/>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="196"/>
        <source>Regular</source>
        <translation>Stammgast</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="198"/>
        <source>%1 is one of your regulars</source>
        <translation>%1 ist einer deiner Stammgäste</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="205"/>
        <source>Pre-approve</source>
        <translation>Vorab zusagen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="207"/>
        <source>Pre-approve %1</source>
        <translation>%1 vorab zusagen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="211"/>
        <source>Approve</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="213"/>
        <source>Approve %1</source>
        <translation>%1 annehmen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="221"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="223"/>
        <source>Reject %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <location filename="../../qml/attendance/ReviewQueuePage.qml" line="239"/>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
</context>
<context>
    <name>SaveTicketDialog</name>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="24"/>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="66"/>
        <source>Save the ticket as PDF</source>
        <translation>Ticket als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="32"/>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="39"/>
        <source>A4, to print</source>
        <translation>A4, zum Ausdrucken</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="45"/>
        <source>Phone size (90 × 160 mm), to show on a phone</source>
        <translation>Handygröße (90 × 160 mm), zum Vorzeigen auf dem Handy</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="57"/>
        <source>Choose where to save…</source>
        <translation>Speicherort wählen…</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/SaveTicketDialog.qml" line="67"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="19"/>
        <source>Reset your password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="20"/>
        <source>Create an account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="20"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="111"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="206"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="81"/>
        <source>Your password was changed. Sign in with the new password.</source>
        <translation>Dein Passwort wurde geändert. Melde dich mit dem neuen Passwort an.</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="115"/>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="122"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="130"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="131"/>
        <source>How others will see you</source>
        <translation>So sehen dich die anderen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="140"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="147"/>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="156"/>
        <location filename="../../qml/auth/SignInDialog.qml" line="162"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="164"/>
        <source>At least 10 characters</source>
        <translation>Mindestens 10 Zeichen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="174"/>
        <source>Forgot password?</source>
        <translation>Passwort vergessen?</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="201"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="206"/>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="41"/>
        <source>Ticket %1 for %2</source>
        <translation>Ticket %1 für %2</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="60"/>
        <source>QR code of ticket %1</source>
        <translation>QR-Code des Tickets %1</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="78"/>
        <source>Revoked</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="107"/>
        <source>Ticket number</source>
        <translation>Ticketnummer</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="127"/>
        <source>This meetup was cancelled.</source>
        <translation>Dieses Treffen wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="153"/>
        <source>Map of the meeting place</source>
        <translation>Karte des Treffpunkts</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="191"/>
        <source>Photo of your pudding</source>
        <translation>Foto deines Puddings</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="198"/>
        <source>You bring: %1</source>
        <translation>Du bringst mit: %1</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="204"/>
        <source>Guest: %1</source>
        <translation>Gast: %1</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="215"/>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../qml/tickets/TicketCard.qml" line="220"/>
        <source>Add to calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
</context>
<context>
    <name>TicketPdf</name>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="125"/>
        <location filename="../../client/tickets/ticketpdf.cpp" line="139"/>
        <location filename="../../client/tickets/ticketpdf.cpp" line="217"/>
        <source>The PDF could not be created.</source>
        <translation>Das PDF konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="129"/>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="151"/>
        <source>Pudding Gabel · Ticket</source>
        <translation>Pudding Gabel · Ticket</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="166"/>
        <source>The QR code could not be created.</source>
        <translation>Der QR-Code konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="178"/>
        <source>Ticket number</source>
        <translation>Ticketnummer</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="200"/>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="204"/>
        <source>Pudding</source>
        <translation>Pudding</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="208"/>
        <source>Show this QR code or the ticket number at the door.</source>
        <translation>Zeige diesen QR-Code oder die Ticketnummer am Einlass vor.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="210"/>
        <source>This ticket is no longer valid and is refused at the door.</source>
        <translation>Dieses Ticket ist nicht mehr gültig und wird am Einlass abgewiesen.</translation>
    </message>
    <message>
        <location filename="../../client/tickets/ticketpdf.cpp" line="232"/>
        <source>The PDF could not be saved: %1</source>
        <translation>Das PDF konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>TimePickerField</name>
    <message>
        <location filename="../../qml/components/TimePickerField.qml" line="63"/>
        <source>Not a time: type it like %1 or choose one from the list.</source>
        <translation>Keine Uhrzeit: Gib sie wie %1 ein oder wähle eine aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../qml/components/TimePickerField.qml" line="80"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../shared/validation.cpp" line="205"/>
        <source>Please enter your email address.</source>
        <translation>Bitte gib deine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="207"/>
        <location filename="../../shared/validation.cpp" line="211"/>
        <source>This is not a valid email address.</source>
        <translation>Das ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="122"/>
        <location filename="../../shared/validation.cpp" line="224"/>
        <source>Use at least %1 characters.</source>
        <translation>Verwende mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="109"/>
        <source>This text is not valid Unicode (it holds an unpaired surrogate or invalid UTF-8).</source>
        <translation>Dieser Text ist kein gültiges Unicode (er enthält ein einzelnes Surrogat oder ungültiges UTF-8).</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="112"/>
        <source>Control characters such as U+%1 are not allowed here.</source>
        <translation>Steuerzeichen wie U+%1 sind hier nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="123"/>
        <location filename="../../shared/validation.cpp" line="226"/>
        <source>Use at most %1 characters.</source>
        <translation>Verwende höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="229"/>
        <source>This password is one of the most common ones; please choose another.</source>
        <translation>Dieses Passwort gehört zu den häufigsten; bitte wähle ein anderes.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="238"/>
        <source>Please enter your name.</source>
        <translation>Bitte gib deinen Namen ein.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="120"/>
        <location filename="../../shared/validation.cpp" line="252"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="259"/>
        <source>The title needs %1 to %2 characters.</source>
        <translation>Der Titel braucht %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="266"/>
        <source>The meetup must take place in Germany.</source>
        <translation>Das Treffen muss in Deutschland stattfinden.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="270"/>
        <source>The city needs 1 to %1 characters.</source>
        <translation>Die Stadt braucht 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="279"/>
        <source>The meetup cannot start in the past.</source>
        <translation>Das Treffen kann nicht in der Vergangenheit beginnen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="282"/>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="284"/>
        <source>A meetup lasts at most 14 days.</source>
        <translation>Ein Treffen dauert höchstens 14 Tage.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="290"/>
        <source>Allow between %1 and %2 attendees.</source>
        <translation>Erlaube zwischen %1 und %2 Gästen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="297"/>
        <source>Hold a place for between %1 minutes and 7 days, or leave it automatic.</source>
        <translation>Halte einen Platz zwischen %1 Minuten und 7 Tagen frei oder lass es automatisch.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="21"/>
        <source>Valid: %1</source>
        <translation>Gültig: %1</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="22"/>
        <source>Refused: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="45"/>
        <source>Photo of %1</source>
        <translation>Foto von %1</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="79"/>
        <source>Ticket %1 · scanned at %2</source>
        <translation>Ticket %1 · gescannt um %2</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="80"/>
        <source>Scanned at %1</source>
        <translation>Gescannt um %1</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="106"/>
        <source>Ready: scan a ticket</source>
        <translation>Bereit: Ticket scannen</translation>
    </message>
    <message>
        <location filename="../../qml/door/VerdictPanel.qml" line="107"/>
        <source>Loading the guest list…</source>
        <translation>Gästeliste wird geladen…</translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="54"/>
        <source>Zoom in</source>
        <translation>Hineinzoomen</translation>
    </message>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="60"/>
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../client/app/main.cpp" line="45"/>
        <source>Pudding Gabel: find pudding meetups across Germany.</source>
        <translation>Pudding Gabel: Pudding-Treffen in ganz Deutschland finden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="49"/>
        <source>Load the UI, fail on any QML warning, and exit.</source>
        <translation>Die Oberfläche laden, bei jeder QML-Warnung fehlschlagen und beenden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="53"/>
        <source>Save a picture of the window to this file once it is shown, then exit.</source>
        <translation>Ein Bild des Fensters in diese Datei speichern, sobald es angezeigt wird, und beenden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="58"/>
        <source>Milliseconds to wait before the screenshot (default 4000).</source>
        <translation>Millisekunden bis zum Bildschirmfoto (Standard 4000).</translation>
    </message>
</context>
</TS>
