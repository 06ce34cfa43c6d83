<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="12"/>
        <location filename="../../qml/Main.qml" line="20"/>
        <source>Pudding Gabel</source>
        <translation>Pudding Gabel</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="26"/>
        <source>Pudding meetups across Germany</source>
        <translation>Pudding-Treffen in ganz Deutschland</translation>
    </message>
</context>
</TS>
