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
    width: 480
    title: editingId ? qsTr("Edit meetup") : qsTr("New meetup")
    standardButtons: Dialog.NoButton

    function pad(n: int): string {
        return n < 10 ? "0" + n : "" + n;
    }
    function isoDate(d: date): string {
        return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    }
    function isoTime(d: date): string {
        return pad(d.getHours()) + ":" + pad(d.getMinutes());
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
        const tomorrow = new Date();
        tomorrow.setDate(tomorrow.getDate() + 7);
        dateField.text = isoDate(tomorrow);
        timeField.text = "18:00";
        durationBox.value = 2;
        limitBox.value = 10;
        editor.clearErrors();
        open();
        titleField.forceActiveFocus();
    }

    function openForEdit(e: var): void {
        editingId = e.id;
        latitude = e.location.lat;
        longitude = e.location.lng;
        titleField.text = e.title;
        descriptionField.text = e.description;
        cityField.text = e.city;
        stateField.text = e.state;
        dateField.text = isoDate(e.startTime);
        timeField.text = isoTime(e.startTime);
        durationBox.value = Math.max(1, Math.round((e.endTime - e.startTime) / 3600000));
        limitBox.value = e.attendeeLimit;
        editor.clearErrors();
        open();
    }

    function formData(): var {
        const [y, m, d] = dateField.text.split("-").map(Number);
        const [hh, mm] = timeField.text.split(":").map(Number);
        const start = new Date(y, m - 1, d, hh, mm);
        const end = new Date(start.getTime() + durationBox.value * 3600000);
        return {
            title: titleField.text, description: descriptionField.text,
            lat: latitude, lng: longitude, city: cityField.text, state: stateField.text,
            startTime: start, endTime: end, attendeeLimit: limitBox.value
        };
    }

    function submit(): void {
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

    contentItem: ScrollView {
        implicitHeight: Math.min(form.implicitHeight, 560)
        ColumnLayout {
            id: form

            width: root.availableWidth
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
            }
            FieldError { text: editor.fieldErrors.description ?? "" }

            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("City") }
                    TextField { id: cityField; objectName: "cityField"; Layout.fillWidth: true; Accessible.name: qsTr("City") }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("State") }
                    TextField { id: stateField; Layout.fillWidth: true; Accessible.name: qsTr("State") }
                }
            }
            FieldError { text: editor.fieldErrors.city ?? editor.fieldErrors.location ?? "" }
            Label {
                text: qsTr("Location: %1, %2").arg(root.latitude.toFixed(4)).arg(root.longitude.toFixed(4))
                opacity: 0.6
                font.pixelSize: 12
            }

            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    Label { text: qsTr("Date (YYYY-MM-DD)") }
                    TextField {
                        id: dateField
                objectName: "dateField"
                        Accessible.name: qsTr("Date")
                        inputMask: "9999-99-99"
                    }
                }
                ColumnLayout {
                    Label { text: qsTr("Start (HH:MM)") }
                    TextField {
                        id: timeField
                objectName: "timeField"
                        Accessible.name: qsTr("Start time")
                        inputMask: "99:99"
                    }
                }
                ColumnLayout {
                    Label { text: qsTr("Hours") }
                    SpinBox { id: durationBox; from: 1; to: 72; Accessible.name: qsTr("Duration in hours") }
                }
            }
            FieldError { text: editor.fieldErrors.startTime ?? editor.fieldErrors.endTime ?? "" }

            Label { text: qsTr("Guests at most") }
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
                Layout.fillWidth: true
                visible: editor.errorText !== ""
                text: editor.errorText
                color: "#b3261e"
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 8
                BusyIndicator { running: editor.busy; visible: running; Layout.preferredHeight: 32; Layout.preferredWidth: 32 }
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Discard"); onClicked: root.close() }
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
