# SPDX-License-Identifier: GPL-3.0-or-later
# The chat's QML files (relative to qml/).
list(APPEND PUDDING_QML_FILES
    chat/ChatPane.qml
    chat/MessageDelegate.qml
)
