// SPDX-License-Identifier: GPL-3.0-or-later
#include "joinrequest.h"

#include "api/apiclient.h"
#include "auth/accountmanager.h"
#include "shared/attendance.h"
#include "shared/protocol.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QImageReader>
#include <QNetworkReply>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
enum class PhotoProblem { None, Unreadable, TooLarge, NotAnImage };

struct CheckedPhoto
{
    PhotoProblem problem = PhotoProblem::None;
    QByteArray bytes;
    QByteArray mime;
};

CheckedPhoto readPhoto(const QString &path)
{
    CheckedPhoto result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = PhotoProblem::Unreadable;
        return result;
    }
    if (file.size() > JoinRequest::MaxPhotoBytes) {
        result.problem = PhotoProblem::TooLarge;
        return result;
    }
    result.bytes = file.readAll();
    // Decide the format from the magic bytes: probing every image plugin with arbitrary
    // content can block in some of them, and the server takes only these three anyway.
    const QByteArrayView head(result.bytes.constData(), std::min<qsizetype>(result.bytes.size(), 12));
    QByteArray format;
    if (head.startsWith("\xFF\xD8\xFF"))
        format = "jpeg";
    else if (head.startsWith("\x89PNG\r\n\x1A\n"))
        format = "png";
    else if (head.size() == 12 && head.startsWith("RIFF") && head.sliced(8) == "WEBP")
        format = "webp";
    QBuffer buffer(&result.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    if (format.isEmpty() || !reader.canRead() || reader.size().isEmpty()) {
        result.problem = PhotoProblem::NotAnImage;
        result.bytes.clear();
        return result;
    }
    result.mime = "image/" + format;
    return result;
}
} // namespace

JoinRequest::JoinRequest(QObject *parent)
    : QObject(parent)
{
    // A photo and texts the signed-out account chose must not stay in the form.
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &JoinRequest::reset);
}

JoinRequest::~JoinRequest()
{
    if (m_call)
        m_call->abort();
}

void JoinRequest::setEventId(qint64 id)
{
    if (m_eventId == id)
        return;
    m_eventId = id;
    Q_EMIT eventIdChanged();
}

void JoinRequest::setError(const QString &text, const QVariantMap &fields)
{
    if (m_errorText == text && m_fieldErrors == fields)
        return;
    m_errorText = text;
    m_fieldErrors = fields;
    Q_EMIT errorChanged();
}

void JoinRequest::clearErrors()
{
    setError({});
}

void JoinRequest::reset()
{
    cancel();
    ++m_checkGeneration;
    setChecking(false);
    m_photoBytes.clear();
    m_photoMime.clear();
    m_photoFileName.clear();
    if (!m_photoUrl.isEmpty()) {
        m_photoUrl.clear();
        Q_EMIT photoChanged();
    }
    setProgress(0);
    clearErrors();
}

void JoinRequest::setProgress(qreal progress)
{
    if (qFuzzyCompare(m_progress + 1, progress + 1))
        return;
    m_progress = progress;
    Q_EMIT progressChanged();
}

void JoinRequest::setChecking(bool checking)
{
    if (m_checking == checking)
        return;
    m_checking = checking;
    Q_EMIT checkingChanged();
}

void JoinRequest::checkPhoto(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const int generation = ++m_checkGeneration;
    setChecking(true);
    clearErrors();
    // A watcher rather than QFuture::then(context): in Qt 6.4 a continuation attached with a
    // context object can be lost when the future finishes at that very moment.
    auto *watcher = new QFutureWatcher<CheckedPhoto>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, file, path] {
        watcher->deleteLater();
        const CheckedPhoto checked = watcher->result();
        if (generation != m_checkGeneration)
            return; // a newer file was chosen meanwhile
        setChecking(false);
        QVariantMap fields;
        switch (checked.problem) {
        case PhotoProblem::None:
            break;
        case PhotoProblem::Unreadable:
            fields.insert(u"photo"_s, tr("This file cannot be opened."));
            break;
        case PhotoProblem::TooLarge:
            fields.insert(u"photo"_s, tr("The photo is too large: at most 5 MB, please."));
            break;
        case PhotoProblem::NotAnImage:
            fields.insert(u"photo"_s, tr("This is not an image. Use a JPEG, PNG or WebP photo."));
            break;
        }
        if (!fields.isEmpty()) {
            setError(fields.value(u"photo"_s).toString(), fields);
            Q_EMIT photoChecked(false);
            return;
        }
        m_photoBytes = checked.bytes;
        m_photoMime = checked.mime;
        m_photoFileName = QFileInfo(path).fileName();
        m_photoUrl = file;
        Q_EMIT photoChanged();
        Q_EMIT photoChecked(true);
    });
    watcher->setFuture(QtConcurrent::run(readPhoto, path));
}

void JoinRequest::submit(const QString &puddingName, const QString &puddingDescription)
{
    if (m_call)
        return;
    auto *api = ApiClient::instance();
    QVariantMap fields;
    for (const auto &e : Validation::validateJoinRequest(puddingName, puddingDescription))
        fields.insert(e.field, e.message);
    if (m_photoBytes.isEmpty())
        fields.insert(u"photo"_s, tr("Add a photo of your pudding."));
    if (!fields.isEmpty()) {
        setError(tr("Please check the marked fields."), fields);
        return;
    }
    if (!api || m_eventId <= 0) {
        setError(tr("Choose a meetup first."));
        return;
    }
    clearErrors();
    setProgress(0);

    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    auto textPart = [](const QByteArray &name, const QString &value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"" + name + '"'));
        part.setBody(value.toUtf8());
        return part;
    };
    multiPart->append(textPart("puddingName", puddingName.simplified()));
    multiPart->append(textPart("puddingDescription", puddingDescription.trimmed()));
    QHttpPart photoPart;
    QByteArray fileName = m_photoFileName.toUtf8();
    fileName.replace('"', '_');
    photoPart.setHeader(QNetworkRequest::ContentDispositionHeader,
                        QByteArray("form-data; name=\"photo\"; filename=\"" + fileName + '"'));
    photoPart.setHeader(QNetworkRequest::ContentTypeHeader, m_photoMime);
    photoPart.setBody(m_photoBytes);
    multiPart->append(photoPart);

    QUrl url = api->baseUrl();
    const QString base = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
    url.setPath(base + u"/api/attendance/events/%1/join"_s.arg(m_eventId));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QString(Protocol::UserAgentPrefix + QCoreApplication::applicationVersion()
                              + u" (desktop app)"_s));
    // As ApiClient: no HTTP/2 with Qt 6.4; QNAM sends no "Expect: 100-continue".
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(120000);
    if (!api->token().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + api->token());

    QNetworkReply *reply = api->networkAccessManager()->post(request, multiPart);
    multiPart->setParent(reply);
    m_call = new ApiCall(reply, this);
    connect(m_call, &ApiCall::progressChanged, this, [this] {
        if (m_call)
            setProgress(m_call->progress());
    });
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT busyChanged();
        if (const auto &error = call->error()) {
            QVariantMap errorFields;
            for (const auto &f : error->fields)
                errorFields.insert(f.field, f.message);
            setError(error->message, errorFields);
            return;
        }
        setProgress(1);
        Q_EMIT joined(call->object().value("attendance"_L1).toObject().toVariantMap());
    });
    Q_EMIT busyChanged();
}

void JoinRequest::cancel()
{
    if (!m_call)
        return;
    m_call->abort();
    m_call = nullptr;
    setProgress(0);
    Q_EMIT busyChanged();
}

} // namespace Pudding::Client
