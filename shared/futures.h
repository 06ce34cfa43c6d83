// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <type_traits>
#include <utility>

/// Continuations that land on an object's thread and never after the object is gone, written
/// once for the server and the desktop app.
///
/// Why not QFuture::then(QObject *context, …)? In Qt 6.4 (Debian 12) it keeps a QPointer to the
/// context and, in whichever thread finishes the future, calls QMetaObject::invokeMethod(context,
/// …) (Continuation::create in qfuture_impl.h): that thread reads the QPointer while the
/// context's own thread may be destroying the object, and when it reads null the continuation
/// is dropped with no more than a warning. We saw continuations lost when the future finished
/// at that very moment (the desktop app's join request; replies on the server's sockets). Qt
/// 6.6 reimplemented context continuations on a private QBasicFutureWatcher (qtbase
/// src/corelib/thread/qbasicfuturewatcher.cpp); we found no bug report to cite. Used here
/// instead is the documented QFutureWatcher, created in the context's own thread as the
/// context's child: setFuture() also reports a future that has finished already, and a watcher
/// destroyed with its context disconnects from the future under its lock, so nothing arrives
/// later.
namespace Pudding {

/// Calls `callback` with the future's result (nothing for QFuture<void>) in `context`'s thread
/// once `future` has finished, unless `context` has been destroyed by then. Call it in
/// `context`'s thread.
template <typename T, typename F> void onFinished(QFuture<T> future, QObject *context, F &&callback)
{
    Q_ASSERT(context->thread() == QThread::currentThread());
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
        [watcher, callback = std::forward<F>(callback)]() mutable {
            watcher->deleteLater();
            if constexpr (std::is_void_v<T>)
                callback();
            else
                callback(watcher->future().result());
        });
    watcher->setFuture(std::move(future));
}

/// Calls `callable` in `receiver`'s thread (at once when called there, else queued) unless
/// `guard` has been destroyed by then. For callers on other threads (a database thread, the
/// chat writer, the live listener): `receiver` is the long-lived object of the target thread
/// (an HTTP worker, a WorkerHub) and must outlive the call; `guard` is the object the callable
/// is about, which may go away at any moment and is only looked at in receiver's thread.
/// Create the QPointer in guard's own thread.
template <typename T, typename F>
void invokeGuarded(QObject *receiver, QPointer<T> guard, F &&callable)
{
    QMetaObject::invokeMethod(
        receiver,
        [guard = std::move(guard), callable = std::forward<F>(callable)]() mutable {
            if (guard)
                callable();
        },
        Qt::AutoConnection);
}

} // namespace Pudding
