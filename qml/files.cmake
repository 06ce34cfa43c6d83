# The app's QML, relative to qml/, one component per file, grouped by feature.
list(APPEND PUDDING_QML_FILES
    Main.qml
    components/AppToolBar.qml
    components/CitySearchField.qml
    components/ConnectionBanner.qml
    components/KeychainBanner.qml
    components/FieldError.qml
    components/FileChooser.qml
    components/FileChooserDialog.qml
    components/Formats.qml
    auth/SignInDialog.qml
    events/DiscoverPage.qml
    events/EventMarker.qml
    events/EventListPane.qml
    events/EventDelegate.qml
    events/FilterBar.qml
    events/EventDetailsPane.qml
    organizer/EventEditorDialog.qml
    organizer/CancelEventDialog.qml
    organizer/MyEventsPage.qml
    attendance/JoinDialog.qml
    attendance/MyRequestsPage.qml
    attendance/ReviewQueuePage.qml
)
