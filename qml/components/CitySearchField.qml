// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import PuddingGabel

// Finds a German city by name in the offline gazetteer ("near me" without GPS).
TextField {
    id: root

    signal citySelected(var city)

    placeholderText: qsTr("Search a city…")
    Accessible.name: qsTr("Search a city")
    selectByMouse: true

    onTextEdited: {
        suggestions.model = Gazetteer.search(text, 8);
        if (suggestions.count > 0 && text.length > 0)
            popup.open();
        else
            popup.close();
    }
    onAccepted: {
        if (suggestions.count > 0)
            choose(suggestions.model[Math.max(0, suggestions.currentIndex)]);
    }
    Keys.onDownPressed: suggestions.incrementCurrentIndex()
    Keys.onUpPressed: suggestions.decrementCurrentIndex()

    function choose(city: var): void {
        text = city.name;
        popup.close();
        root.citySelected(city);
    }

    Popup {
        id: popup

        y: root.height
        width: root.width
        padding: 0
        implicitHeight: Math.min(suggestions.contentHeight, 320)

        ListView {
            id: suggestions

            anchors.fill: parent
            clip: true
            delegate: ItemDelegate {
                required property var modelData
                required property int index

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: modelData.name + " · " + modelData.state
                onClicked: root.choose(modelData)
            }
        }
    }
}
