// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

namespace Pudding::Server {

class DbSession;
class PhotoStore;

/// What one garbage collection removed.
struct PhotoGcReport
{
    int rows = 0; ///< photos rows that nothing referenced
    int files = 0; ///< files on disk without a photos row (display and thumbnail count apart)
};

/// Removes photos that ended up referenced by nothing once they are older than the grace
/// period: rows no join request and no chat message points to (a chat photo uploaded but never
/// sent), then files without a row (a join refused after its photo was stored, a crash between
/// storing and the INSERT). The grace period protects uploads still on their way to a row; it
/// also makes the collection safe to run on several instances sharing one store.
[[nodiscard]] Result<PhotoGcReport> collectUnreferencedPhotos(
    DbSession &session, const PhotoStore &store, int graceSeconds);

} // namespace Pudding::Server
