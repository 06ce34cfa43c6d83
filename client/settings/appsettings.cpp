// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
AppSettings *s_instance = nullptr;
const QString kDefaultTiles = u"https://tile.openstreetmap.org/{z}/{x}/{y}.png"_s;
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
    s_instance = this;
}

AppSettings *AppSettings::instance()
{
    return s_instance;
}

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *)
{
    if (!s_instance)
        new AppSettings(QCoreApplication::instance());
    s_instance->m_engine = engine;
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString AppSettings::language() const
{
    return QSettings().value(u"ui/language"_s).toString();
}

void AppSettings::applyLanguage(QQmlEngine *engine)
{
    if (engine)
        m_engine = engine;
    // At start, PUDDING_LANG (for tests and screenshots) wins over the setting, which wins over
    // the system; a choice made at run time (setLanguage) always wins.
    const QString wanted = engine ? qEnvironmentVariable("PUDDING_LANG", language()) : language();
    apply(wanted);
}

void AppSettings::apply(QString wanted)
{
    if (wanted.isEmpty())
        wanted = QLocale::system().name();
    QCoreApplication::removeTranslator(&m_translator);
    m_effective = wanted.startsWith(u"de"_s) ? u"de"_s : u"en"_s;
    // English has a catalogue too: it holds the plural forms ("1 place", "2 places").
    if (m_translator.load(u":/i18n/pudding_"_s + m_effective))
        QCoreApplication::installTranslator(&m_translator);
    // Dates and numbers follow the chosen language.
    QLocale::setDefault(m_effective == "de"_L1 ? QLocale(QLocale::German, QLocale::Germany)
                                               : QLocale(QLocale::English, QLocale::UnitedKingdom));
    if (m_engine)
        m_engine->retranslate();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    QSettings().setValue(u"ui/language"_s, language);
    applyLanguage(nullptr);
    Q_EMIT languageChanged();
}

QString AppSettings::tileUrlTemplate() const
{
    if (qEnvironmentVariableIsSet("PUDDING_TILE_URL")) {
        const QString env = qEnvironmentVariable("PUDDING_TILE_URL");
        return env == "none"_L1 ? QString() : env;
    }
    return QSettings().value(u"map/tileUrlTemplate"_s, kDefaultTiles).toString();
}

void AppSettings::setTileUrlTemplate(const QString &urlTemplate)
{
    if (urlTemplate == tileUrlTemplate())
        return;
    QSettings().setValue(u"map/tileUrlTemplate"_s, urlTemplate);
    Q_EMIT tileUrlTemplateChanged();
}

} // namespace Pudding::Client
