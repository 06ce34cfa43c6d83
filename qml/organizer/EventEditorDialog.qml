// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Create a meetup at a clicked spot, or edit one. Checked with the shared rules before sending.
Dialog {
    id: root

    property var editingId: 0
    property real latitude: 0
    property real longitude: 0

    signal saved(var eventData)
    signal cancelled()

    modal: true
    // The keyboard goes to the form at once: Esc closes, typing goes into the title.
    focus: true
    width: Math.min(520, parent ? parent.width - 24 : 520)
    // Never taller than the window: the form scrolls instead.
    height: Math.min(implicitHeight, parent ? parent.height - 24 : implicitHeight)
    title: editingId ? qsTr("Edit meetup") : qsTr("New meetup")
    standardButtons: Dialog.NoButton

    onOpened: titleField.forceActiveFocus()

    // Local midnight of the day `d` falls on.
    function dayOf(d: date): date {
        return new Date(d.getFullYear(), d.getMonth(), d.getDate());
    }
    // Start and end from the pickers, as local times.
    function startTime(): date {
        const day = dateField.selectedDate;
        return new Date(day.getFullYear(), day.getMonth(), day.getDate(),
                        Math.floor(timeField.minutes / 60), timeField.minutes % 60);
    }
    function endTime(): date {
        return new Date(startTime().getTime() + durationBox.value * 60000);
    }

    function openForNew(lat: real, lng: real): void {
        editingId = 0;
        latitude = lat;
        longitude = lng;
        const place = Gazetteer.nearest(lat, lng);
        titleField.text = "";
        descriptionField.text = "";
        cityField.text = place.name ?? "";
        stateField.text = place.state ?? "";
        venueField.text = "";
        const nextWeek = new Date();
        nextWeek.setDate(nextWeek.getDate() + 7);
        dateField.minimumDate = dayOf(new Date());
        dateField.selectedDate = dayOf(nextWeek);
        timeField.minutes = 18 * 60;
        durationBox.value = 120;
        limitBox.value = 10;
        offerWindowBox.select(0);
        offerWindowBox.touched = false;
        editor.clearErrors();
        open();
    }

    function openForEdit(e: var): void {
        editingId = e.id;
        latitude = e.location.lat;
        longitude = e.location.lng;
        titleField.text = e.title;
        descriptionField.text = e.description;
        cityField.text = e.city;
        stateField.text = e.state;
        venueField.text = e.venue ?? "";
        dateField.minimumDate = new Date(NaN);
        dateField.selectedDate = dayOf(e.startTime);
        // Times are kept to the quarter hour; an older meetup may start in between.
        timeField.minutes = Math.round((e.startTime.getHours() * 60 + e.startTime.getMinutes()) / 15) * 15 % (24 * 60);
        durationBox.value = Math.max(15, Math.round((e.endTime - e.startTime) / 900000) * 15);
        limitBox.value = e.attendeeLimit;
        offerWindowBox.select(e.offerWindowMinutes ?? 0);
        offerWindowBox.touched = false;
        editor.clearErrors();
        open();
    }

    function formData(): var {
        const data = {
            title: titleField.text, description: descriptionField.text,
            lat: latitude, lng: longitude, city: cityField.text, state: stateField.text,
            venue: venueField.text,
            startTime: startTime(), endTime: endTime(), attendeeLimit: limitBox.value
        };
        // The window is sent when chosen (or for a new meetup): an edit keeps it otherwise.
        if (!editingId || offerWindowBox.touched)
            data.offerWindowMinutes = offerWindowBox.currentValue;
        return data;
    }

    function submit(): void {
        // Text typed into a picker counts even without Enter or Tab first.
        if (!dateField.commit() || !timeField.commit())
            return;
        if (editingId)
            editor.update(editingId, formData());
        else
            editor.create(formData());
    }

    EventEditor {
        id: editor

        onSaved: (eventData) => {
            root.close();
            root.saved(eventData);
        }
    }

    contentItem: FocusScrollView {
        id: scroller

        objectName: "editorScroller"
        implicitHeight: form.implicitHeight

        ColumnLayout {
            id: form

            spacing: 4

            Label { text: qsTr("Title") }
            TextField {
                id: titleField

                objectName: "titleField"
                Layout.fillWidth: true
                Accessible.name: qsTr("Title")
                placeholderText: qsTr("e.g. Vanilla pudding picnic")
            }
            FieldError { text: editor.fieldErrors.title ?? "" }

            Label { text: qsTr("Description") }
            TextArea {
                id: descriptionField

                objectName: "descriptionField"
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Description")
                // Fusion's TextArea has no frame: without one the field looks like empty space.
                background: Rectangle {
                    color: descriptionField.palette.base
                    border.color: descriptionField.activeFocus ? descriptionField.palette.highlight
                                                               : descriptionField.palette.mid
                    radius: 2
                }
            }
            FieldError { text: editor.fieldErrors.description ?? "" }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 8
                rowSpacing: 0

                // Equal columns: every cell asks for the same width and fills.
                Label { text: qsTr("City"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                Label { text: qsTr("State"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                TextField {
                    id: cityField

                    objectName: "cityField"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.name: qsTr("City")
                }
                TextField {
                    id: stateField

                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.name: qsTr("State")
                }
            }
            FieldError { text: editor.fieldErrors.city ?? editor.fieldErrors.location ?? "" }

            Label { text: qsTr("Venue or address (optional)") }
            TextField {
                id: venueField

                objectName: "venueField"
                Layout.fillWidth: true
                maximumLength: 200
                Accessible.name: qsTr("Venue or address")
                placeholderText: qsTr("e.g. Clara-Zetkin-Park, east entrance")
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Shown only to you and the guests you approve, like the exact spot (%1, %2).")
                          .arg(Formats.number(root.latitude, 4)).arg(Formats.number(root.longitude, 4))
                wrapMode: Text.WordWrap
                opacity: 0.6
                font.pixelSize: 12
            }
            FieldError { text: editor.fieldErrors.venue ?? "" }

            GridLayout {
                Layout.fillWidth: true
                Layout.topMargin: 4
                columns: 2
                columnSpacing: 8
                rowSpacing: 0

                Label { text: qsTr("Date"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                Label { text: qsTr("Starts at"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                DatePickerField {
                    id: dateField

                    objectName: "dateField"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    locale: Formats.locale
                    Accessible.name: qsTr("Date")
                }
                TimePickerField {
                    id: timeField

                    objectName: "timeField"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    locale: Formats.locale
                    Accessible.name: qsTr("Start time")
                }
                Label {
                    Layout.topMargin: 4
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: qsTr("Duration")
                }
                Item { Layout.fillWidth: true; Layout.preferredWidth: 1 }
                DurationSpinBox {
                    id: durationBox

                    objectName: "durationBox"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.name: qsTr("Duration")
                }
                Label {
                    objectName: "endsLabel"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    text: {
                        // Re-evaluated whenever a picker changes.
                        dateField.selectedDate;
                        timeField.minutes;
                        const start = root.startTime();
                        const end = new Date(start.getTime() + durationBox.value * 60000);
                        return start.toDateString() === end.toDateString()
                                ? qsTr("Ends at %1").arg(Formats.time(end))
                                : qsTr("Ends %1").arg(Formats.dateTime(end));
                    }
                }
            }
            FieldError {
                text: dateField.errorText || timeField.errorText
                      || (editor.fieldErrors.startTime ?? editor.fieldErrors.endTime ?? "")
            }

            Label {
                Layout.topMargin: 4
                text: qsTr("Guests at most")
            }
            SpinBox {
                id: limitBox

                objectName: "limitBox"
                from: 1
                to: 10000
                editable: true
                Accessible.name: qsTr("Maximum number of guests")
            }
            FieldError { text: editor.fieldErrors.attendeeLimit ?? "" }

            Label {
                Layout.topMargin: 4
                text: qsTr("When a place frees up, hold it for the next on the waitlist for")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ComboBox {
                id: offerWindowBox

                property bool touched: false

                function select(minutes: int): void {
                    const i = indexOfValue(minutes);
                    currentIndex = i >= 0 ? i : 0;
                }

                objectName: "offerWindowBox"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "minutes"
                model: [
                    { text: qsTr("Automatic (12 hours; 2 hours in the last day)"), minutes: 0 },
                    { text: qsTr("%n hour(s)", "", 1), minutes: 60 },
                    { text: qsTr("%n hour(s)", "", 2), minutes: 120 },
                    { text: qsTr("%n hour(s)", "", 6), minutes: 360 },
                    { text: qsTr("%n hour(s)", "", 12), minutes: 720 },
                    { text: qsTr("%n hour(s)", "", 24), minutes: 1440 },
                    { text: qsTr("%n hour(s)", "", 48), minutes: 2880 }
                ]
                Accessible.name: qsTr("How long a freed place is held for the next guest")
                onActivated: touched = true
            }
            FieldError { text: editor.fieldErrors.offerWindowMinutes ?? "" }

            Label {
                Layout.fillWidth: true
                visible: editor.errorText !== ""
                text: editor.errorText
                color: "#b3261e"
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 8

                BusySpinner {
                    running: editor.busy
                    visible: running
                    Layout.preferredHeight: 32
                    Layout.preferredWidth: 32
                }
                Item { Layout.fillWidth: true }
                Button {
                    text: qsTr("Discard")
                    onClicked: root.close()
                }
                Button {
                    objectName: "submitButton"
                    text: root.editingId ? qsTr("Save") : qsTr("Create meetup")
                    highlighted: true
                    enabled: !editor.busy
                    onClicked: root.submit()
                }
            }
        }
    }
}
