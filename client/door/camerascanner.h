// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>

#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoSink;

namespace Pudding::Client {

/// The webcam of Door mode: QCamera → QMediaCaptureSession → the QML VideoOutput (or a sink of
/// its own), and every few frames one goes through QrDecoder::decode() on the QtConcurrent
/// pool — the same function the tests feed with generated images. Frames that arrive while one
/// is being decoded are dropped. The same code shown again within a few seconds is reported
/// once (a guest holds the phone up for a while).
class CameraScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// A camera exists on this machine.
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    /// Capturing and decoding (set by the view).
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// The QML VideoOutput that shows the picture (optional).
    Q_PROPERTY(QObject *videoOutput READ videoOutput WRITE setVideoOutput NOTIFY videoOutputChanged)
    /// The camera's error, translated ("" when none).
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
public:
    /// At most this many frames a second are decoded.
    static constexpr int FramesPerSecond = 5;
    /// The same code within this time counts as one scan.
    static constexpr int RepeatQuietMs = 3000;

    explicit CameraScanner(QObject *parent = nullptr);
    ~CameraScanner() override;

    [[nodiscard]] bool isAvailable() const { return m_available; }
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] QObject *videoOutput() const { return m_videoOutput; }
    void setVideoOutput(QObject *output);
    [[nodiscard]] QString errorString() const { return m_error; }

    /// One frame from the camera (public for the benchmark): decoded unless it comes too soon
    /// after the last one or while one is being decoded.
    void handleFrame(const QVideoFrame &frame);

Q_SIGNALS:
    void availableChanged();
    void activeChanged();
    void videoOutputChanged();
    void errorChanged();
    /// A QR code's text.
    void decoded(const QString &payload);
    /// A frame went through the decoder (with or without a code in it).
    void frameProcessed();

private:
    void updateCamera();
    void connectSink();

    bool m_available = false;
    bool m_active = false;
    bool m_decoding = false;
    QString m_error;
    QPointer<QObject> m_videoOutput;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QVideoSink> m_ownSink;
    QPointer<QVideoSink> m_sink;
    QElapsedTimer m_lastDecode;
    QString m_lastPayload;
    QElapsedTimer m_lastPayloadAt;
};

} // namespace Pudding::Client
