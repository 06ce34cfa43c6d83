// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventeditor.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "eventupdates.h"
#include "shared/event.h"
#include "shared/validation.h"

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
EventDraft draftFromForm(const QVariantMap &form)
{
    EventDraft d;
    d.title = form.value(u"title"_s).toString().simplified();
    d.description = form.value(u"description"_s).toString().trimmed();
    d.location = GeoPoint { form.value(u"lat"_s).toDouble(), form.value(u"lng"_s).toDouble() };
    d.city = form.value(u"city"_s).toString().simplified();
    d.state = form.value(u"state"_s).toString().simplified();
    // Sent even when empty, so that clearing it in the form clears it on the server.
    if (form.contains(u"venue"_s))
        d.venue = form.value(u"venue"_s).toString().simplified();
    const QDateTime start = form.value(u"startTime"_s).toDateTime();
    const QDateTime end = form.value(u"endTime"_s).toDateTime();
    if (start.isValid())
        d.startTime = start.toUTC();
    if (end.isValid())
        d.endTime = end.toUTC();
    bool ok = false;
    const int limit = form.value(u"attendeeLimit"_s).toInt(&ok);
    if (ok)
        d.attendeeLimit = limit;
    // Only when chosen in the form: 0 or less is automatic (null), else minutes.
    if (form.contains(u"offerWindowMinutes"_s)) {
        const int minutes = form.value(u"offerWindowMinutes"_s).toInt();
        d.offerWindowMinutes = minutes > 0 ? std::optional<int>(minutes) : std::optional<int>();
    }
    return d;
}
} // namespace

EventEditor::EventEditor(QObject *parent)
    : QObject(parent)
{ }

void EventEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void EventEditor::setError(const QString &text, const QVariantMap &fields)
{
    m_errorText = text;
    m_fieldErrors = fields;
    Q_EMIT errorChanged();
}

void EventEditor::clearErrors()
{
    setError({});
}

bool EventEditor::validate(const QVariantMap &form, bool creating)
{
    const EventDraft draft = draftFromForm(form);
    auto errors = Validation::validateEventDraft(draft,
        creating ? Validation::DraftMode::Create : Validation::DraftMode::Update,
        QDateTime::currentDateTimeUtc());
    if (draft.venue)
        errors += Validation::validateVenue(*draft.venue);
    QVariantMap fields;
    for (const auto &e : errors)
        fields.insert(e.field, e.message);
    setError(fields.isEmpty() ? QString() : tr("Please check the marked fields."), fields);
    return fields.isEmpty();
}

void EventEditor::create(const QVariantMap &form)
{
    if (m_busy || !validate(form, true))
        return;
    send(ApiClient::instance()->post(Endpoints::events(), draftFromForm(form).toJson()), false, 0);
}

void EventEditor::update(qint64 id, const QVariantMap &form)
{
    if (m_busy || !validate(form, false))
        return;
    send(ApiClient::instance()->patch(Endpoints::event(id), draftFromForm(form).toJson()), false,
        id);
}

void EventEditor::cancelEvent(qint64 id)
{
    if (m_busy)
        return;
    send(ApiClient::instance()->deleteResource(Endpoints::event(id)), true, id);
}

void EventEditor::send(ApiCall *call, bool cancelling, qint64 id)
{
    setBusy(true);
    clearErrors();
    connect(call, &ApiCall::finished, this, [this, call, cancelling, id] {
        setBusy(false);
        if (!call->ok()) {
            setError(call->error()->message, fieldErrorMap(*call->error()));
            return;
        }
        // Everything showing this meetup hears about it, not only the form that changed it.
        if (auto *updates = EventUpdates::instance())
            updates->eventReceived(call->object());
        if (cancelling)
            Q_EMIT cancelled(id);
        Q_EMIT saved(call->object().toVariantMap());
    });
}

} // namespace Pudding::Client
