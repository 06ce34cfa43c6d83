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

    // Delayed: a layout's implicit height settles while it is read, which would otherwise
    // count as a binding loop.
    Binding {
        target: root
        property: "contentHeight"
        value: root.child ? (root.fillHeight ? Math.max(root.child.implicitHeight, root.availableHeight)
                                             : root.child.implicitHeight) : 0
        delayed: true
    }
    Binding {
        target: root.child
        property: "width"
        value: root.availableWidth
        when: root.child !== null
    }
    Binding {
        target: root.child
        property: "height"
        value: root.contentHeight
        when: root.child !== null
    }

    Connections {
        target: root.Window.window
        ignoreUnknownSignals: true
        function onActiveFocusItemChanged(): void {
            root.ensureVisible(root.Window.activeFocusItem);
        }
    }
}
