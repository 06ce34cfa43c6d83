# The app's top-level QML, relative to qml/.
list(APPEND PUDDING_QML_FILES
    Main.qml
)
