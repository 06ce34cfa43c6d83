// SPDX-License-Identifier: GPL-3.0-or-later
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Pudding::Server {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_wake < 0)
        qFatal("epoll/eventfd: %s", std::strerror(errno));
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wake);
    ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowMs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

// ---- sockets -----------------------------------------------------------------------------

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    markDirty(fd);
}

void EpollEventDispatcher::markDirty(int fd)
{
    // Applied just before the next epoll_wait: a socket's write notifier goes on when data is
    // queued and off once it is flushed, so under steady traffic the changes cancel out
    // instead of costing two epoll_ctl calls per write.
    m_dirty.push_back(fd);
}

void EpollEventDispatcher::applyDirty()
{
    for (const int fd : m_dirty) {
        const auto it = m_watches.find(fd);
        if (it != m_watches.end())
            updateWatch(fd, *it);
    }
    m_dirty.clear();
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    // It may be waiting for activation in this iteration (or an outer one, if a handler runs
    // a nested event loop).
    for (auto *list : m_pending) {
        for (auto &pending : *list) {
            if (pending == notifier)
                pending = nullptr;
        }
    }
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = *it;
    if (watch.read == notifier)
        watch.read = nullptr;
    else if (watch.write == notifier)
        watch.write = nullptr;
    else if (watch.exception == notifier)
        watch.exception = nullptr;
    if (!watch.read && !watch.write && !watch.exception)
        updateWatch(fd, watch); // at once: the descriptor is probably about to be closed and
                                // its number reused
    else
        markDirty(fd);
}

void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    const quint32 wanted = (watch.read ? quint32(EPOLLIN) : 0u)
        | (watch.write ? quint32(EPOLLOUT) : 0u) | (watch.exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == watch.events)
        return;
    epoll_event ev {};
    ev.events = wanted;
    ev.data.fd = fd;
    if (wanted == 0) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev);
        m_watches.remove(fd);
        return;
    }
    int op = watch.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    if (::epoll_ctl(m_epoll, op, fd, &ev) != 0) {
        // A descriptor number reused after close, or closed behind our back: retry the other way.
        op = (errno == EEXIST) ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
        if (::epoll_ctl(m_epoll, op, fd, &ev) != 0) {
            qWarning("epoll_ctl(%d): %s", fd, std::strerror(errno));
            return;
        }
    }
    watch.events = wanted;
}

// ---- timers ------------------------------------------------------------------------------

void EpollEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    unregisterTimer(timerId); // re-registration replaces
    const qint64 due = nowMs() + interval;
    m_timers.insert(timerId, Timer { object, interval, timerType, due });
    m_byDeadline.emplace(due, timerId);
    m_timersOf.insert(object, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    auto [first, last] = m_byDeadline.equal_range(it->dueMs);
    for (auto d = first; d != last; ++d) {
        if (d->second == timerId) {
            m_byDeadline.erase(d);
            break;
        }
    }
    m_timersOf.remove(it->object, timerId);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const QList<int> ids = m_timersOf.values(object);
    for (const int id : ids)
        unregisterTimer(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(
    QObject *object) const
{
    QList<TimerInfo> out;
    const QList<int> ids = m_timersOf.values(object);
    for (const int id : ids) {
        const Timer &t = m_timers[id];
        out.append(TimerInfo(id, int(t.intervalMs), t.type));
    }
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(std::max<qint64>(0, it->dueMs - nowMs()));
}

bool EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    std::vector<int> due;
    for (auto it = m_byDeadline.begin(); it != m_byDeadline.end() && it->first <= now; ++it)
        due.push_back(it->second);
    for (const int id : due) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end() || it->dueMs > now)
            continue; // stopped or restarted by an earlier timer's handler
        // Next deadline first: the handler may stop or restart this timer.
        auto [first, last] = m_byDeadline.equal_range(it->dueMs);
        for (auto d = first; d != last; ++d) {
            if (d->second == id) {
                m_byDeadline.erase(d);
                break;
            }
        }
        qint64 next = it->dueMs + it->intervalMs;
        if (next <= now)
            next = now + it->intervalMs; // behind: skip what was missed, as Qt does
        it->dueMs = next;
        m_byDeadline.emplace(next, id);
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
    }
    return !due.empty();
}

// ---- the loop ----------------------------------------------------------------------------

void EpollEventDispatcher::wakeUp()
{
    if (!m_wakeUpPending.exchange(true)) {
        const eventfd_t one = 1;
        while (::eventfd_write(m_wake, one) != 0 && errno == EINTR) { }
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

void EpollEventDispatcher::drainWakeUps()
{
    eventfd_t value;
    while (::eventfd_read(m_wake, &value) != 0 && errno == EINTR) { }
    m_wakeUpPending = false;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted)
        return false;

    int timeout = 0;
    if (flags & QEventLoop::WaitForMoreEvents) {
        if (m_byDeadline.empty())
            timeout = -1;
        else
            timeout = int(std::clamp<qint64>(m_byDeadline.begin()->first - nowMs(), 0, 3'600'000));
    }
    applyDirty();
    if (timeout != 0)
        Q_EMIT aboutToBlock();
    epoll_event events[256];
    int n;
    do {
        n = ::epoll_wait(m_epoll, events, 256, timeout);
    } while (n < 0 && errno == EINTR);

    bool handled = false;
    const bool sockets = !(flags & QEventLoop::ExcludeSocketNotifiers);
    std::vector<QSocketNotifier *> pending;
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        const quint32 got = events[i].events;
        if (fd == m_wake) {
            drainWakeUps();
            continue;
        }
        if (!sockets)
            continue;
        const auto it = m_watches.constFind(fd);
        if (it == m_watches.cend())
            continue;
        const bool hangUp = got & (EPOLLHUP | EPOLLERR);
        if (it->read && (got & EPOLLIN || hangUp))
            pending.push_back(it->read);
        if (it->write && (got & EPOLLOUT || (hangUp && !it->read)))
            pending.push_back(it->write);
        if (it->exception && got & EPOLLPRI)
            pending.push_back(it->exception);
    }
    // Index, not iterators: a handler may unregister (null out) later entries.
    m_pending.push_back(&pending);
    for (size_t i = 0; i < pending.size(); ++i) { // NOLINT(modernize-loop-convert): see above
        if (QSocketNotifier *notifier = pending[i]) {
            pending[i] = nullptr;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            handled = true;
        }
    }
    m_pending.pop_back();
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled = activateTimers() || handled;
    return handled;
}

} // namespace Pudding::Server
