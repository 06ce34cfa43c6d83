// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTranslator>

namespace Pudding::Client {

/// The user's preferences: UI language (English, German, or the system's) switched live, and
/// the map tile source. Stored with QSettings.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// "" = follow the system, "en" or "de".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// The language in effect ("en" or "de").
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    /// {z}/{x}/{y} URL of raster tiles; empty = the offline map only.
    Q_PROPERTY(QString tileUrlTemplate READ tileUrlTemplate WRITE setTileUrlTemplate NOTIFY
            tileUrlTemplateChanged)
public:
    /// Not default-constructible on purpose: QML must get the app's instance through create(),
    /// not a second one of its own (with Qt 6.4 a default constructor wins over create(); the
    /// Settings menu then switched a copy that had no engine to retranslate).
    explicit AppSettings(QObject *parent);

    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *engine, QJSEngine *);
    /// Loads the saved (or system) language before the UI is created.
    void applyLanguage(QQmlEngine *engine);

    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] QString effectiveLanguage() const { return m_effective; }
    [[nodiscard]] QString tileUrlTemplate() const;
    void setTileUrlTemplate(const QString &urlTemplate);

Q_SIGNALS:
    void languageChanged();
    void tileUrlTemplateChanged();

private:
    /// Installs the catalogue and the locale of `wanted` ("" = the system's) and retranslates.
    void apply(QString wanted);

    QTranslator m_translator;
    QString m_effective = QStringLiteral("en");
    QPointer<QQmlEngine> m_engine;
};

} // namespace Pudding::Client
