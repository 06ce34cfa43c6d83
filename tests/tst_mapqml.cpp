// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the QML tests in tests/qml (tst_*.qml) against the PuddingGabel module linked in.
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(u"qrc:/qt/qml"_s); }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_mapqml, Setup)

#include "tst_mapqml.moc"
