// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import PuddingGabel

// Finds a German city by name in the offline gazetteer ("near me" without GPS). Says so when
// no city matches; emptying the field ends the search around a city (cleared()).
TextField {
    id: root

    // The text matches no city in the gazetteer.
    readonly property bool noMatch: text.trim().length > 0 && suggestions.count === 0

    signal citySelected(var city)
    signal cleared()

    placeholderText: qsTr("Search a city…")
    Accessible.name: qsTr("Search a city")
    selectByMouse: true

    onTextEdited: {
        suggestions.model = text.trim().length > 0 ? Gazetteer.search(text, 8) : [];
        if (text.trim().length > 0)
            popup.open();
        else
            popup.close();
        if (text.trim().length === 0)
            root.cleared();
    }
    onAccepted: {
        if (suggestions.count > 0)
            choose(suggestions.model[Math.max(0, suggestions.currentIndex)]);
        else if (text.trim().length > 0)
            popup.open(); // shows that no city matches
    }
    Keys.onEscapePressed: (event) => {
        event.accepted = popup.opened;
        popup.close();
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
        width: Math.max(root.width, 280)
        padding: 0
        implicitHeight: root.noMatch ? noMatchLabel.implicitHeight
                                     : Math.min(suggestions.contentHeight, 320)

        Label {
            id: noMatchLabel

            objectName: "noCityLabel"
            anchors.left: parent.left
            anchors.right: parent.right
            visible: root.noMatch
            padding: 10
            wrapMode: Text.WordWrap
            text: qsTr("No German city called “%1” is known. Try another spelling or a larger town nearby.")
                      .arg(root.text.trim())
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        ListView {
            id: suggestions

            anchors.fill: parent
            visible: !root.noMatch
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
