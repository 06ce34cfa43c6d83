// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the QML tests in tests/qmlforms (tst_*.qml): the form components of the PuddingGabel
// module (date, time and duration entry) on their own.
#include <QCoreApplication>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTranslator>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/qt/qml"_s);
        // The English catalogue holds the plural forms ("1 hour", "2 hours").
        if (m_translator.load(u":/i18n/pudding_en"_s))
            QCoreApplication::installTranslator(&m_translator);
    }

private:
    QTranslator m_translator;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_formsqml, Setup)

#include "tst_formsqml.moc"
