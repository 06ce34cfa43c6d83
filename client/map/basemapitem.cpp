// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemapitem.h"
#include "shared/futures.h"

#include "basemapdata.h"
#include "shared/mercator.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QMutex>
#include <QPainter>
#include <QPainterPathStroker>
#include <QScreen>
#include <QThreadPool>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Client {
namespace {

// A quiet atlas palette: the map is a backdrop for the meetup markers drawn on top of it.
const QColor Abroad { 0xe1, 0xe6, 0xea };
const std::array<QColor, 5> StateFills { QColor(0xf7, 0xf2, 0xe4), QColor(0xec, 0xf1, 0xdf),
    QColor(0xf5, 0xe9, 0xe4), QColor(0xe8, 0xee, 0xf3), QColor(0xf1, 0xec, 0xf4) };
const QColor StateBorder { 0x9e, 0x93, 0xab };
const QColor Outline { 0x5d, 0x6b, 0x7a };
// Opaque (cheap to fill): the background darkened, as a shadow below the country.
const QColor ShadowFar { 0xd1, 0xd7, 0xdb };
const QColor ShadowNear { 0xb4, 0xbc, 0xc1 };
const QColor LabelText { 0x26, 0x32, 0x38 };
const QColor LabelHalo { 0xff, 0xff, 0xff, 0xe0 };
const QColor StateLabelText { 0x7a, 0x6c, 0x8c, 0xc8 };
const QColor DotFill { 0xff, 0xff, 0xff };
const QColor DotStroke { 0x37, 0x47, 0x4f };

// City-states' names would only repeat their city's label.
bool isCityState(const QString &code)
{
    return code == u"BE"_s || code == u"HH"_s || code == u"HB"_s;
}

// The smallest town labelled at `zoom`: the map fills in as one zooms in.
int minimumPopulation(double zoom)
{
    if (zoom < 5)
        return 1'000'000;
    if (zoom < 6)
        return 500'000;
    if (zoom < 7)
        return 200'000;
    if (zoom < 8)
        return 100'000;
    if (zoom < 9)
        return 50'000;
    return 0;
}

double dotRadius(int population)
{
    if (population >= 1'000'000)
        return 4.5;
    if (population >= 500'000)
        return 3.8;
    if (population >= 100'000)
        return 3.2;
    return 2.6;
}

enum class LabelStyle { City, BigCity, Metropolis, State };

LabelStyle styleOf(const BaseMapData::City &city)
{
    if (city.population >= 1'000'000)
        return LabelStyle::Metropolis;
    if (city.population >= 500'000 || city.capital)
        return LabelStyle::BigCity;
    return LabelStyle::City;
}

// Long state names break at their hyphen when the map is small.
QString stateLabel(const BaseMapData::State &state, bool broken)
{
    QString text = state.name.toUpper();
    if (broken)
        text.replace(u'-', u"-\n"_s);
    return text;
}

// A label with its halo, ready to blit.
QImage renderLabel(const QString &text, LabelStyle style, qreal devicePixelRatio, const QFont &base)
{
    QFont font = base;
    switch (style) {
    case LabelStyle::Metropolis:
        font.setPixelSize(15);
        font.setWeight(QFont::DemiBold);
        break;
    case LabelStyle::BigCity:
        font.setPixelSize(13);
        font.setWeight(QFont::DemiBold);
        break;
    case LabelStyle::City:
        font.setPixelSize(12);
        break;
    case LabelStyle::State:
        font.setPixelSize(10);
        font.setWeight(QFont::DemiBold);
        font.setLetterSpacing(QFont::AbsoluteSpacing, 1.3);
        break;
    }
    const QFontMetricsF metrics(font);
    const QStringList lines = text.split(u'\n');
    constexpr double halo = 3;
    double textWidth = 0;
    for (const QString &line : lines)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
    const QSizeF size(
        std::ceil(textWidth + 2 * halo), std::ceil(metrics.height() * lines.size() + 2 * halo));

    QImage image((size * devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setFont(font);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const double lineWidth = metrics.horizontalAdvance(lines[i]);
        const QPointF baseline(
            (size.width() - lineWidth) / 2, halo + metrics.ascent() + i * metrics.height());
        QPainterPath path;
        path.addText(baseline, font, lines[i]);
        if (style == LabelStyle::State) { // quiet, no halo: it sits on its state's fill
            p.fillPath(path, StateLabelText);
            continue;
        }
        p.strokePath(
            path, QPen(LabelHalo, 2 * halo - 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.fillPath(path, LabelText);
    }
    p.end();
    return image;
}

// Rendered labels, shared by every BaseMap and filled ahead of time on the thread pool:
// rendering text (with its halo) is the costly part of a frame, blitting it is not.
QImage labelImage(const QString &text, LabelStyle style, qreal devicePixelRatio, const QFont &base)
{
    // Never destroyed: the thread pool may still be filling it while statics go away.
    static auto *const mutex = new QMutex;
    static auto *const cache = new QHash<QString, QImage>;
    const QString key = text + QChar(u'\x1f') + QString::number(static_cast<int>(style))
        + QChar(u'\x1f') + QString::number(devicePixelRatio);
    {
        const QMutexLocker lock(mutex);
        const auto found = cache->constFind(key);
        if (found != cache->constEnd())
            return *found;
    }
    QImage image = renderLabel(text, style, devicePixelRatio, base);
    const QMutexLocker lock(mutex);
    cache->insert(key, image);
    return image;
}

void prewarmLabels(
    const std::shared_ptr<const BaseMapData> &data, qreal devicePixelRatio, const QFont &base)
{
    static bool started = false; // GUI thread only
    if (started || !data->isValid())
        return;
    started = true;
    QThreadPool::globalInstance()->start([data, devicePixelRatio, base] {
        for (const BaseMapData::City &city : data->cities)
            labelImage(city.name, styleOf(city), devicePixelRatio, base);
        for (const BaseMapData::State &state : data->states) {
            labelImage(stateLabel(state, true), LabelStyle::State, devicePixelRatio, base);
            labelImage(stateLabel(state, false), LabelStyle::State, devicePixelRatio, base);
        }
    });
}

} // namespace

BaseMapItem::BaseMapItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setOpaquePainting(true);
    setFillColor(Abroad);
    setFlag(ItemHasContents, true);
    m_font = QGuiApplication::font();
    onFinished(BaseMapData::load(), this, [this](const std::shared_ptr<const BaseMapData> &data) {
        m_data = data;
        const QScreen *screen = QGuiApplication::primaryScreen();
        prewarmLabels(m_data, screen ? screen->devicePixelRatio() : 1.0, m_font);
        Q_EMIT readyChanged();
        update();
    });
}

BaseMapItem::~BaseMapItem() = default;

void BaseMapItem::setCenter(const QGeoCoordinate &center)
{
    if (center == m_center || !center.isValid())
        return;
    m_center = center;
    Q_EMIT centerChanged();
    update();
}

void BaseMapItem::setZoomLevel(qreal zoomLevel)
{
    if (qFuzzyCompare(zoomLevel, m_zoomLevel) || !std::isfinite(zoomLevel))
        return;
    m_zoomLevel = zoomLevel;
    Q_EMIT zoomLevelChanged();
    update();
}

void BaseMapItem::setShowLabels(bool showLabels)
{
    if (showLabels == m_showLabels)
        return;
    m_showLabels = showLabels;
    Q_EMIT showLabelsChanged();
    update();
}

bool BaseMapItem::isReady() const
{
    return m_data && m_data->isValid();
}

void BaseMapItem::paint(QPainter *painter)
{
    painter->fillRect(QRectF(0, 0, width(), height()), Abroad);
    if (!isReady())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QPointF centreUnit
        = Mercator::toUnit(GeoPoint { m_center.latitude(), m_center.longitude() });
    paintShapes(painter, centreUnit);
    if (m_showLabels)
        paintLabels(painter, centreUnit);
}

void BaseMapItem::paintShapes(QPainter *painter, QPointF centreUnit) const
{
    const int level = m_data->levelFor(m_zoomLevel);
    const BaseMapData::Level &paths = m_data->levels[level];
    const double scale = std::exp2(m_zoomLevel - level);
    const QPointF centreWorld = centreUnit * Mercator::worldSize(level);
    const QRectF visible(centreWorld.x() - width() / 2 / scale,
        centreWorld.y() - height() / 2 / scale, width() / scale, height() / scale);

    painter->save();
    painter->translate(width() / 2, height() / 2);
    painter->scale(scale, scale);
    painter->translate(-centreWorld);

    // Only fills and one-pixel cosmetic lines, which the raster engine draws an order of
    // magnitude faster than wide strokes: this runs for every frame of an animation.
    painter->setPen(Qt::NoPen);
    const auto fillStates = [&] {
        for (qsizetype i = 0; i < paths.stateFills.size(); ++i) {
            if (paths.stateBounds[i].intersects(visible))
                painter->drawPath(paths.stateFills[i]);
        }
    };
    // A soft shadow lifts the country off the background.
    for (const auto &[offset, colour] :
        { std::pair { 3.0, ShadowFar }, std::pair { 1.5, ShadowNear } }) {
        painter->save();
        painter->translate(0, offset / scale);
        painter->setBrush(colour);
        fillStates();
        painter->restore();
    }
    for (qsizetype i = 0; i < paths.stateFills.size(); ++i) {
        if (!paths.stateBounds[i].intersects(visible))
            continue;
        const int colour = m_data->states[i].colour;
        painter->setBrush(StateFills[static_cast<size_t>(colour) % StateFills.size()]);
        painter->drawPath(paths.stateFills[i]);
    }
    painter->setBrush(Qt::NoBrush);

    QPen border(StateBorder, 1);
    border.setCosmetic(true);
    painter->strokePath(paths.borders, border);
    // The national border, about two pixels wide: three offset hairlines.
    QPen outline(Outline, 1);
    outline.setCosmetic(true);
    for (const QPointF offset : { QPointF(0, 0), QPointF(0.8, 0), QPointF(0, 0.8) }) {
        painter->save();
        painter->translate(offset / scale);
        painter->strokePath(paths.outline, outline);
        painter->restore();
    }
    painter->restore();
}

void BaseMapItem::paintLabels(QPainter *painter, QPointF centreUnit) const
{
    const double worldSize = Mercator::worldSize(m_zoomLevel);
    const QPointF origin = centreUnit * worldSize - QPointF(width() / 2, height() / 2);
    const QRectF view(0, 0, width(), height());
    const QRectF inside = view.adjusted(2, 2, -2, -2); // labels are whole or not at all
    const qreal dpr = painter->device()->devicePixelRatioF();
    QList<QRectF> taken;
    const auto isFree = [&taken](const QRectF &rect) {
        for (const QRectF &other : std::as_const(taken)) {
            if (other.intersects(rect))
                return false;
        }
        return true;
    };

    const auto placeCity = [&](const BaseMapData::City &city) {
        const QPointF at = city.unit * worldSize - origin;
        if (!view.adjusted(-40, -20, 40, 20).contains(at))
            return;
        const double r = dotRadius(city.population);
        const QRectF dot(at.x() - r - 1, at.y() - r - 1, 2 * r + 2, 2 * r + 2);
        if (!isFree(dot))
            return;
        const QImage image = labelImage(city.name, styleOf(city), dpr, m_font);
        const QSizeF size = image.deviceIndependentSize();
        const double gap = r - 1;
        // Right of the dot, then left, above, below: the first place that is free wins.
        const std::array<QPointF, 4> corners {
            QPointF(at.x() + gap, at.y() - size.height() / 2),
            QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2),
            QPointF(at.x() - size.width() / 2, at.y() - r - size.height() + 3),
            QPointF(at.x() - size.width() / 2, at.y() + r - 3),
        };
        for (const QPointF &corner : corners) {
            const QRectF rect(corner, size);
            const QRectF body = rect.adjusted(3, 3, -3, -3); // the halo may overlap
            if (!inside.contains(body) || !isFree(body))
                continue;
            taken.append(dot);
            taken.append(body);
            painter->setPen(QPen(city.capital ? LabelHalo : DotStroke, 1.3));
            painter->setBrush(city.capital ? DotStroke : DotFill);
            painter->drawEllipse(at, r, r);
            painter->drawImage(rect.topLeft(), image);
            return;
        }
    };

    const int minimum = minimumPopulation(m_zoomLevel);
    const bool capitalsToo = m_zoomLevel >= 5.5;
    const auto important = [&](const BaseMapData::City &city) {
        return city.population >= 500'000 || (capitalsToo && city.capital);
    };

    // Big cities and capitals first, then the states' names, then everything else that fits.
    for (const BaseMapData::City &city : m_data->cities) {
        if (important(city) && (city.population >= minimum || capitalsToo))
            placeCity(city);
    }
    if (m_zoomLevel >= 5.5 && m_zoomLevel < 9) {
        // A state's name must lie within the state: test its corners against the fill.
        const int level = m_data->levelFor(m_zoomLevel);
        const double toLevel = Mercator::worldSize(level) / worldSize;
        const BaseMapData::Level &paths = m_data->levels[level];
        const auto withinState = [&](qsizetype index, const QRectF &rect) {
            for (const QPointF &corner : { rect.topLeft(), rect.topRight(), rect.bottomLeft(),
                     rect.bottomRight(), rect.center() }) {
                if (!paths.stateFills[index].contains((corner + origin) * toLevel))
                    return false;
            }
            return true;
        };
        for (qsizetype index = 0; index < m_data->states.size(); ++index) {
            const BaseMapData::State &state = m_data->states[index];
            if (isCityState(state.code))
                continue;
            const QImage image
                = labelImage(stateLabel(state, m_zoomLevel < 7), LabelStyle::State, dpr, m_font);
            const QSizeF size = image.deviceIndependentSize();
            const QPointF at = state.labelUnit * worldSize - origin;
            // On its point, else nudged a little (past a city's label), nearest first.
            const double dx = size.width() * 0.25;
            const double dy = size.height() * 0.6;
            static constexpr std::array<std::pair<int, int>, 21> Nudges { { { 0, 0 }, { 0, -1 },
                { 0, 1 }, { -1, 0 }, { 1, 0 }, { -1, -1 }, { 1, -1 }, { -1, 1 }, { 1, 1 },
                { 0, -2 }, { 0, 2 }, { -2, 0 }, { 2, 0 }, { -2, -1 }, { 2, 1 }, { -1, 2 }, { 1, 2 },
                { -1, -2 }, { 1, -2 }, { 0, 3 }, { 0, -3 } } };
            for (const auto &[nx, ny] : Nudges) {
                const QRectF rect(
                    at + QPointF(nx * dx - size.width() / 2, ny * dy - size.height() / 2), size);
                if (!inside.contains(rect) || !isFree(rect)
                    || !withinState(index, rect.adjusted(4, 4, -4, -4)))
                    continue;
                taken.append(rect);
                painter->drawImage(rect.topLeft(), image);
                break;
            }
        }
    }
    for (const BaseMapData::City &city : m_data->cities) {
        if (city.population < minimum)
            break; // sorted by population
        if (!important(city))
            placeCity(city);
    }
}

} // namespace Pudding::Client
