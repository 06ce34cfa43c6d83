// SPDX-License-Identifier: GPL-3.0-or-later
#include "joinrequest.h"
#include "shared/futures.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "shared/attendance.h"

#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

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
    m_photo.reset();
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
    onFinished(QtConcurrent::run(&PhotoFile::read, path), this,
        [this, generation, file](const Result<PhotoFile> &checked) {
            if (generation != m_checkGeneration)
                return; // a newer file was chosen meanwhile
            setChecking(false);
            if (!checked) {
                setError(checked.error().message, fieldErrorMap(checked.error()));
                Q_EMIT photoChecked(false);
                return;
            }
            m_photo = checked.value();
            m_photoUrl = file;
            Q_EMIT photoChanged();
            Q_EMIT photoChecked(true);
        });
}

void JoinRequest::submit(const QString &puddingName, const QString &puddingDescription)
{
    if (m_call)
        return;
    auto *api = ApiClient::instance();
    QVariantMap fields;
    for (const auto &e : Validation::validateJoinRequest(puddingName, puddingDescription))
        fields.insert(e.field, e.message);
    if (!m_photo)
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

    m_call = api->postForm(Endpoints::join(m_eventId),
        { { "puddingName", puddingName.simplified() },
            { "puddingDescription", puddingDescription.trimmed() } },
        *m_photo);
    connect(m_call, &ApiCall::progressChanged, this, [this] {
        if (m_call)
            setProgress(m_call->progress());
    });
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT busyChanged();
        if (const auto &error = call->error()) {
            setError(error->message, fieldErrorMap(*error));
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
