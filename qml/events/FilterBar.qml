// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Text, dates, radius, free places and sort order.
Pane {
    id: root

    required property EventFilter filter
    required property EventsModel model

    function dayStart(daysAhead: int): date {
        const d = new Date();
        d.setHours(0, 0, 0, 0);
        d.setDate(d.getDate() + daysAhead);
        return d;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        TextField {
            Layout.fillWidth: true
            placeholderText: qsTr("Search titles and descriptions…")
            Accessible.name: qsTr("Search meetups")
            onTextChanged: root.filter.text = text
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("When")
            }
            ComboBox {
                id: when

                Layout.fillWidth: true
                Accessible.name: qsTr("Date range")
                textRole: "text"
                model: [
                    { text: qsTr("Any time"), from: -1, to: -1 },
                    { text: qsTr("Today"), from: 0, to: 1 },
                    { text: qsTr("Next 7 days"), from: 0, to: 7 },
                    { text: qsTr("Next 30 days"), from: 0, to: 30 }
                ]
                onActivated: {
                    const range = model[currentIndex];
                    root.filter.from = range.from < 0 ? new Date(NaN) : root.dayStart(range.from);
                    root.filter.to = range.to < 0 ? new Date(NaN) : root.dayStart(range.to);
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            CheckBox {
                id: radiusBox

                text: qsTr("Within")
                checked: root.filter.radiusKm > 0
                enabled: root.filter.centre.isValid
                onToggled: root.filter.radiusKm = checked ? radiusSlider.value : 0
                ToolTip.visible: hovered && !enabled
                ToolTip.text: qsTr("Search a city first")
            }
            Slider {
                id: radiusSlider

                Layout.fillWidth: true
                from: 1
                to: 200
                stepSize: 1
                value: root.filter.radiusKm > 0 ? root.filter.radiusKm : 25
                enabled: radiusBox.checked
                Accessible.name: qsTr("Search radius in kilometres")
                onMoved: root.filter.radiusKm = value
            }
            Label {
                text: qsTr("%1 km").arg(Math.round(radiusSlider.value))
                Layout.preferredWidth: 56
            }
        }
        RowLayout {
            Layout.fillWidth: true
            CheckBox {
                text: qsTr("Only with free places")
                onToggled: root.filter.onlyFreePlaces = checked
            }
            Item {
                Layout.fillWidth: true
            }
            ComboBox {
                Accessible.name: qsTr("Sort order")
                model: [qsTr("By date"), qsTr("By distance")]
                enabled: root.filter.centre.isValid
                onActivated: root.model.sortOrder = currentIndex === 0 ? EventsModel.ByDate : EventsModel.ByDistance
            }
        }
    }
}
