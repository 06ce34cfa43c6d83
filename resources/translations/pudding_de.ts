<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppToolBar</name>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="21" />
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="37" />
        <source>My events</source>
        <translation>Meine Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="43" />
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="43" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="45" />
        <source>Sign in or register</source>
        <translation>Anmelden oder registrieren</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="53" />
        <source>Account menu</source>
        <translation>Kontomenü</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="65" />
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="73" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="74" />
        <source>Settings menu</source>
        <translation>Einstellungsmenü</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="82" />
        <source>Language: follow the system</source>
        <translation>Sprache: wie im System</translation>
    </message>
    <message>
        <location filename="../../qml/components/AppToolBar.qml" line="101" />
        <source>Show map tiles from the internet</source>
        <translation>Kartenkacheln aus dem Internet anzeigen</translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="18" />
        <source>Cancel this meetup?</source>
        <translation>Dieses Treffen absagen?</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="34" />
        <source>“%1” will be shown as cancelled to everyone. This cannot be undone.</source>
        <translation>„%1“ wird allen als abgesagt angezeigt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="46" />
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/CancelEventDialog.qml" line="50" />
        <source>Cancel meetup</source>
        <translation>Treffen absagen</translation>
    </message>
</context>
<context>
    <name>CitySearchField</name>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="12" />
        <source>Search a city…</source>
        <translation>Stadt suchen…</translation>
    </message>
    <message>
        <location filename="../../qml/components/CitySearchField.qml" line="13" />
        <source>Search a city</source>
        <translation>Stadt suchen</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <location filename="../../qml/components/ConnectionBanner.qml" line="26" />
        <source>The server cannot be reached. Trying again in %n second(s)…</source>
        <translation><numerusform>Der Server ist nicht erreichbar. Neuer Versuch in %n Sekunde…</numerusform><numerusform>Der Server ist nicht erreichbar. Neuer Versuch in %n Sekunden…</numerusform></translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="27" />
        <source>The server cannot be reached. Trying again…</source>
        <translation>Der Server ist nicht erreichbar. Neuer Versuch…</translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="30" />
        <source>Try now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <location filename="../../qml/components/ConnectionBanner.qml" line="31" />
        <source>Try to reach the server now</source>
        <translation>Den Server jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>DiscoverPage</name>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="120" />
        <source>Click the map where it takes place… (Esc cancels)</source>
        <translation>Klicke auf die Karte, wo es stattfindet… (Esc bricht ab)</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="121" />
        <source>New meetup</source>
        <translation>Neues Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="123" />
        <source>Create a new meetup</source>
        <translation>Ein neues Treffen anlegen</translation>
    </message>
    <message>
        <location filename="../../qml/events/DiscoverPage.qml" line="136" />
        <source>Loading meetups…</source>
        <translation>Treffen werden geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/DiscoverPage.qml" line="137" />
        <source>%n meetup(s) around here</source>
        <translation><numerusform>%n Treffen in der Gegend</numerusform><numerusform>%n Treffen in der Gegend</numerusform></translation>
    </message>
</context>
<context>
    <name>EventDelegate</name>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="46" />
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/events/EventDelegate.qml" line="52" />
        <source>%n place(s) left</source>
        <translation><numerusform>noch %n Platz frei</numerusform><numerusform>noch %n Plätze frei</numerusform></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="52" />
        <location filename="../../qml/events/EventDelegate.qml" line="53" />
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDelegate.qml" line="53" />
        <source>Full</source>
        <translation>Ausgebucht</translation>
    </message>
</context>
<context>
    <name>EventDetailsPane</name>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="35" />
        <source>Meetup details</source>
        <translation>Details zum Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="62" />
        <source>Close details</source>
        <translation>Details schließen</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="77" />
        <source>This meetup was cancelled.</source>
        <translation>Dieses Treffen wurde abgesagt.</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="88" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="96" />
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="103" />
        <source>Organizer</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="105" />
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="108" />
        <source>%1 of %2 left</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="109" />
        <source>Full (%1 guests)</source>
        <translation>Ausgebucht (%1 Gäste)</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="126" />
        <source>Ask to join (coming soon)</source>
        <translation>Teilnahme anfragen (bald verfügbar)</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="126" />
        <source>Sign in to join</source>
        <translation>Zum Teilnehmen anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="135" />
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventDetailsPane.qml" line="140" />
        <source>Cancel meetup</source>
        <translation>Treffen absagen</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="20" />
        <source>Edit meetup</source>
        <translation>Treffen bearbeiten</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="20" />
        <source>New meetup</source>
        <translation>Neues Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="105" />
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="109" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="110" />
        <source>e.g. Vanilla pudding picnic</source>
        <translation>z. B. Vanillepudding-Picknick</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="114" />
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="120" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="128" />
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="129" />
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="133" />
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="134" />
        <source>State</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="139" />
        <source>Location: %1, %2</source>
        <translation>Ort: %1, %2</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="147" />
        <source>Date (YYYY-MM-DD)</source>
        <translation>Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="150" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="155" />
        <source>Start (HH:MM)</source>
        <translation>Beginn (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="158" />
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="163" />
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="164" />
        <source>Duration in hours</source>
        <translation>Dauer in Stunden</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="169" />
        <source>Guests at most</source>
        <translation>Höchstens Gäste</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="175" />
        <source>Maximum number of guests</source>
        <translation>Höchstzahl der Gäste</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="191" />
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="193" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/EventEditorDialog.qml" line="193" />
        <source>Create meetup</source>
        <translation>Treffen anlegen</translation>
    </message>
</context>
<context>
    <name>EventListPane</name>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="50" />
        <source>Meetups in view</source>
        <translation>Treffen im Kartenausschnitt</translation>
    </message>
    <message>
        <location filename="../../qml/events/EventListPane.qml" line="80" />
        <source>No meetups here. Zoom out, move the map or change the filters.</source>
        <translation>Hier gibt es keine Treffen. Zoome heraus, verschiebe die Karte oder ändere die Filter.</translation>
    </message>
</context>
<context>
    <name>EventMarker</name>
    <message numerus="yes">
        <location filename="../../qml/events/EventMarker.qml" line="39" />
        <source>%n meetup(s) here; zoom in</source>
        <translation><numerusform>%n Treffen hier; hineinzoomen</numerusform><numerusform>%n Treffen hier; hineinzoomen</numerusform></translation>
    </message>
    <message>
        <location filename="../../qml/events/EventMarker.qml" line="39" />
        <source>Meetup</source>
        <translation>Treffen</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../shared/event.cpp" line="126" />
        <source>Must be a text.</source>
        <translation>Muss ein Text sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="141" />
        <source>Must be an object with numbers lat and lng.</source>
        <translation>Muss ein Objekt mit den Zahlen lat und lng sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="152" />
        <source>Must be an ISO 8601 time with an offset, e.g. 2026-12-24T18:00:00Z.</source>
        <translation>Muss eine ISO-8601-Zeit mit Zeitzone sein, z. B. 2026-12-24T18:00:00Z.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="163" />
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../shared/event.cpp" line="169" />
        <source>Some fields have the wrong type.</source>
        <translation>Einige Felder haben den falschen Typ.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="27" />
        <source>Search titles and descriptions…</source>
        <translation>Titel und Beschreibungen durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="28" />
        <source>Search meetups</source>
        <translation>Treffen durchsuchen</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="34" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="40" />
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="43" />
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="44" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="45" />
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="46" />
        <source>Next 30 days</source>
        <translation>Nächste 30 Tage</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="60" />
        <source>Within</source>
        <translation>Im Umkreis von</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="65" />
        <source>Search a city first</source>
        <translation>Suche zuerst eine Stadt</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="76" />
        <source>Search radius in kilometres</source>
        <translation>Suchradius in Kilometern</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="80" />
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="87" />
        <source>Only with free places</source>
        <translation>Nur mit freien Plätzen</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="94" />
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95" />
        <source>By date</source>
        <translation>Nach Datum</translation>
    </message>
    <message>
        <location filename="../../qml/events/FilterBar.qml" line="95" />
        <source>By distance</source>
        <translation>Nach Entfernung</translation>
    </message>
</context>
<context>
    <name>KeychainBanner</name>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="24" />
        <source>No keyring is available: you stay signed in until you quit the app.</source>
        <translation>Kein Schlüsselbund verfügbar: Du bleibst angemeldet, bis du die App beendest.</translation>
    </message>
    <message>
        <location filename="../../qml/components/KeychainBanner.qml" line="27" />
        <source>Remember me in a plain-text file</source>
        <translation>In einer Klartextdatei merken</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="15" />
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../qml/map/MapView.qml" line="126" />
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="127" />
        <source>Arrow keys move the map; plus and minus zoom in and out.</source>
        <translation>Pfeiltasten verschieben die Karte; Plus und Minus zoomen hinein und heraus.</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="177" />
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap-Mitwirkende</translation>
    </message>
    <message>
        <location filename="../../qml/map/MapView.qml" line="178" />
        <source>Made with Natural Earth</source>
        <translation>Erstellt mit Natural Earth</translation>
    </message>
</context>
<context>
    <name>MyEventsPage</name>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="14" />
        <source>My meetups</source>
        <translation>Meine Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="33" />
        <source>← Map</source>
        <translation>← Karte</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="34" />
        <source>Back to the map</source>
        <translation>Zurück zur Karte</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="44" />
        <source>Which meetups</source>
        <translation>Welche Treffen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45" />
        <source>Upcoming</source>
        <translation>Bevorstehend</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45" />
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="45" />
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <location filename="../../qml/organizer/MyEventsPage.qml" line="68" />
        <source>No meetups here yet. Create one from the map.</source>
        <translation>Noch keine Treffen. Lege eines auf der Karte an.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::AccountManager</name>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="41" />
        <source>Your session has ended. Please sign in again.</source>
        <translation>Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="112" />
        <source>Please check the marked fields.</source>
        <translation>Bitte prüfe die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../client/auth/accountmanager.cpp" line="172" />
        <source>Please enter your email address and password.</source>
        <translation>Bitte gib deine E-Mail-Adresse und dein Passwort ein.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiCall</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="65" />
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::ApiClient</name>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="220" />
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="222" />
        <source>An account with this email address exists already.</source>
        <translation>Es gibt bereits ein Konto mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="224" />
        <source>Please sign in again.</source>
        <translation>Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="226" />
        <source>You are not allowed to do that.</source>
        <translation>Das darfst du nicht.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="228" />
        <source>This no longer exists.</source>
        <translation>Das gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="230" />
        <source>Too many attempts. Please wait a moment.</source>
        <translation>Zu viele Versuche. Bitte warte einen Moment.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="232" />
        <source>That is too large to send.</source>
        <translation>Das ist zu groß zum Senden.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="234" />
        <source>Something went wrong on the server. Please try again later.</source>
        <translation>Auf dem Server ist etwas schiefgegangen. Bitte versuche es später noch einmal.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="236" />
        <source>That conflicts with the current state.</source>
        <translation>Das widerspricht dem aktuellen Stand.</translation>
    </message>
    <message>
        <location filename="../../client/api/apiclient.cpp" line="237" />
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
</context>
<context>
    <name>Pudding::Client::EventEditor</name>
    <message>
        <location filename="../../client/events/eventeditor.cpp" line="69" />
        <source>Please check the marked fields.</source>
        <translation>Bitte prüfe die markierten Felder.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="14" />
        <source>Create an account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="14" />
        <location filename="../../qml/auth/SignInDialog.qml" line="45" />
        <location filename="../../qml/auth/SignInDialog.qml" line="130" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="49" />
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="56" />
        <location filename="../../qml/auth/SignInDialog.qml" line="63" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="64" />
        <source>How others will see you</source>
        <translation>So sehen dich die anderen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="73" />
        <location filename="../../qml/auth/SignInDialog.qml" line="79" />
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="88" />
        <location filename="../../qml/auth/SignInDialog.qml" line="94" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="96" />
        <source>At least 10 characters</source>
        <translation>Mindestens 10 Zeichen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="125" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../qml/auth/SignInDialog.qml" line="130" />
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../shared/validation.cpp" line="72" />
        <source>Please enter your email address.</source>
        <translation>Bitte gib deine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="74" />
        <source>This is not a valid email address.</source>
        <translation>Das ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="83" />
        <source>Use at least %1 characters.</source>
        <translation>Verwende mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="86" />
        <location filename="../../shared/validation.cpp" line="100" />
        <location filename="../../shared/validation.cpp" line="135" />
        <location filename="../../shared/validation.cpp" line="152" />
        <source>Use at most %1 characters.</source>
        <translation>Verwende höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="89" />
        <source>This password is one of the most common ones; please choose another.</source>
        <translation>Dieses Passwort gehört zu den häufigsten; bitte wähle ein anderes.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="98" />
        <source>Please enter your name.</source>
        <translation>Bitte gib deinen Namen ein.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="102" />
        <source>The name contains characters that are not allowed.</source>
        <translation>Der Name enthält unzulässige Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="117" />
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="125" />
        <source>The title needs %1 to %2 characters.</source>
        <translation>Der Titel braucht %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="129" />
        <source>The title contains characters that are not allowed.</source>
        <translation>Der Titel enthält unzulässige Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="137" />
        <source>The description contains characters that are not allowed.</source>
        <translation>Die Beschreibung enthält unzulässige Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="143" />
        <source>The meetup must take place in Germany.</source>
        <translation>Das Treffen muss in Deutschland stattfinden.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="149" />
        <source>The city needs 1 to %1 characters.</source>
        <translation>Die Stadt braucht 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="157" />
        <source>The meetup cannot start in the past.</source>
        <translation>Das Treffen kann nicht in der Vergangenheit beginnen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="160" />
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="162" />
        <source>A meetup lasts at most 14 days.</source>
        <translation>Ein Treffen dauert höchstens 14 Tage.</translation>
    </message>
    <message>
        <location filename="../../shared/validation.cpp" line="168" />
        <source>Allow between %1 and %2 attendees.</source>
        <translation>Erlaube zwischen %1 und %2 Gästen.</translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="51" />
        <source>Zoom in</source>
        <translation>Hineinzoomen</translation>
    </message>
    <message>
        <location filename="../../qml/map/ZoomControls.qml" line="57" />
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../client/app/main.cpp" line="42" />
        <source>Pudding Gabel: find pudding meetups across Germany.</source>
        <translation>Pudding Gabel: Pudding-Treffen in ganz Deutschland finden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="47" />
        <source>Load the UI, fail on any QML warning, and exit.</source>
        <translation>Die Oberfläche laden, bei jeder QML-Warnung fehlschlagen und beenden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="51" />
        <source>Save a picture of the window to this file once it is shown, then exit.</source>
        <translation>Ein Bild des Fensters in diese Datei speichern, sobald es angezeigt wird, und beenden.</translation>
    </message>
    <message>
        <location filename="../../client/app/main.cpp" line="56" />
        <source>Milliseconds to wait before the screenshot (default 4000).</source>
        <translation>Millisekunden bis zum Bildschirmfoto (Standard 4000).</translation>
    </message>
</context>
</TS>