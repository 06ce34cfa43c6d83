// SPDX-License-Identifier: GPL-3.0-or-later
#include "camerascanner.h"

#include "door/qrdecoder.h"
#include "shared/futures.h"

#include <QCamera>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcCamera, "pudding.client.door.camera", QtInfoMsg)

namespace Pudding::Client {

CameraScanner::CameraScanner(QObject *parent)
    : QObject(parent)
    , m_available(!QMediaDevices::videoInputs().isEmpty())
{ }

CameraScanner::~CameraScanner()
{
    if (m_session)
        m_session->setCamera(nullptr);
}

void CameraScanner::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    updateCamera();
}

void CameraScanner::setVideoOutput(QObject *output)
{
    if (m_videoOutput == output)
        return;
    m_videoOutput = output;
    Q_EMIT videoOutputChanged();
    if (m_session) {
        m_session->setVideoOutput(output);
        connectSink();
    }
}

void CameraScanner::updateCamera()
{
    if (!m_active || !m_available) {
        if (m_camera)
            m_camera->stop();
        return;
    }
    if (!m_session) {
        m_session = std::make_unique<QMediaCaptureSession>();
        m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
        connect(m_camera.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString &text) {
                qCWarning(lcCamera) << "camera:" << text;
                m_error = tr("The camera failed: %1").arg(text);
                Q_EMIT errorChanged();
            });
        m_session->setCamera(m_camera.get());
        if (m_videoOutput)
            m_session->setVideoOutput(m_videoOutput);
        connectSink();
    }
    m_camera->start();
}

void CameraScanner::connectSink()
{
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    QVideoSink *sink = m_session->videoSink();
    if (!sink) {
        // Nothing shows the picture: a sink of our own, only for decoding.
        if (!m_ownSink)
            m_ownSink = std::make_unique<QVideoSink>();
        m_session->setVideoSink(m_ownSink.get());
        sink = m_ownSink.get();
    }
    m_sink = sink;
    connect(sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::handleFrame);
}

void CameraScanner::handleFrame(const QVideoFrame &frame)
{
    if (m_decoding || !frame.isValid())
        return;
    if (m_lastDecode.isValid() && m_lastDecode.elapsed() < 1000 / FramesPerSecond)
        return;
    m_lastDecode.start();
    m_decoding = true;
    // toImage() maps the frame (a copy for the worker); decoding is the expensive part.
    onFinished(QrDecoder::decodeAsync(frame.toImage()), this,
        [this](const std::optional<QString> &payload) {
            m_decoding = false;
            Q_EMIT frameProcessed();
            if (!payload)
                return;
            if (*payload == m_lastPayload && m_lastPayloadAt.isValid()
                && m_lastPayloadAt.elapsed() < RepeatQuietMs) {
                m_lastPayloadAt.start();
                return;
            }
            m_lastPayload = *payload;
            m_lastPayloadAt.start();
            Q_EMIT decoded(*payload);
        });
}

} // namespace Pudding::Client
