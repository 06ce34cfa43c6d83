// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A vertically scrolling pane for content that may not fit (small windows, long German
// labels, 200 % scale): it scrolls only when needed, and brings the control that gets the
// keyboard focus into view, so Tab reaches everything. Give it one child (a layout): it gets
// the visible width; set `fillHeight` to let it grow to the visible height when it is shorter
// (for layouts with Layout.fillHeight items).
ScrollView {
    id: root

    // The child's height follows the visible height when the child is shorter.
    property bool fillHeight: false
    readonly property Item child: contentChildren.length > 0 ? contentChildren[0] : null

    // Scrolls so that `item` (inside this view) is fully visible, if it can be.
    function ensureVisible(item: Item): void {
        const flickable = contentItem;
        if (!item || !child || !flickable || !isDescendant(item))
            return;
        const top = item.mapToItem(child, 0, 0).y;
        const bottom = top + item.height;
        const viewTop = flickable.contentY;
        const viewBottom = viewTop + flickable.height;
        let target = viewTop;
        if (bottom > viewBottom)
            target = bottom - flickable.height;
        if (top < target)
            target = top;
        target = Math.max(0, Math.min(target, flickable.contentHeight - flickable.height));
        if (target !== viewTop)
            flickable.contentY = target;
    }
    function isDescendant(item: Item): bool {
        for (let p = item; p; p = p.parent) {
            if (p === child)
                return true;
        }
        return false;
    }

    contentWidth: availableWidth
    clip: true
    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff
    // Shown whenever there is more to see, not only while scrolling: a cut-off pane looks whole.
    ScrollBar.vertical.policy: contentHeight > availableHeight + 1 ? ScrollBar.AlwaysOn
                                                                 : ScrollBar.AsNeeded

    Binding {
        target: root.child
        property: "width"
        value: root.availableWidth
        when: root.child !== null
    }
    // Without fillHeight the child keeps its implicit height and ScrollView takes the content
    // height from it. With fillHeight both follow the visible height; delayed, because a
    // layout's implicit height settles while it is read, which would count as a binding loop.
    Binding {
        target: root
        property: "contentHeight"
        value: root.child ? Math.max(root.child.implicitHeight, root.availableHeight) : 0
        when: root.fillHeight
        delayed: true
    }
    Binding {
        target: root.child
        property: "height"
        value: root.contentHeight
        when: root.fillHeight && root.child !== null
    }

    // Focus that comes with a press is left where it is: scrolling then would move the
    // control away from under the pointer before the release, and the click would be lost.
    PointHandler {
        id: pointer

        acceptedButtons: Qt.AllButtons
    }
    Connections {
        target: root.Window.window
        ignoreUnknownSignals: true
        function onActiveFocusItemChanged(): void {
            if (!pointer.active)
                root.ensureVisible(root.Window.activeFocusItem);
        }
    }
}
