// SPDX-License-Identifier: GPL-3.0-or-later
// The peer's equivalent of our join-with-photo (POST /api/attendance/events/:id/join), for
// workload 5 of bench/run.sh: what a Node user would write on the peer's stack (Express,
// node-postgres) with multer (multipart, in memory) and sharp (libvips). It does the same work
// on the photo as our server: decode, apply the EXIF orientation, at most 1280 px on the long
// side without upscaling, flatten onto white in sRGB, re-encode as JPEG quality 85 without
// metadata, a 256 px thumbnail of that, content-addressed files named by the SHA-256 of the
// display JPEG; then one INSERT of the PENDING attendance. The peer has no accounts: the
// user id comes in the X-Bench-User header. Port 18084 (PEER_UPLOAD_PORT).
const express = require('express');
const multer = require('multer');
const sharp = require('sharp');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { Pool } = require('pg');

const pool = new Pool({ host: '127.0.0.1', user: 'bench', password: 'bench', database: 'bench', max: 10 });
const dir = process.env.PEER_PHOTO_DIR || path.join(require('os').tmpdir(), 'peer-photos');
fs.mkdirSync(dir, { recursive: true });
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
const app = express();

app.post('/api/attendance/events/:id/join', upload.single('photo'), async (req, res) => {
  try {
    if (!req.file) return res.status(400).json({ error: { code: 'validation_failed' } });
    const display = await sharp(req.file.buffer, { limitInputPixels: 40000000 })
      .rotate()
      .resize(1280, 1280, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(display.data)
      .resize(256, 256, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
    const hash = crypto.createHash('sha256').update(display.data).digest('hex');
    await Promise.all([fs.promises.writeFile(path.join(dir, hash + '.jpg'), display.data),
                       fs.promises.writeFile(path.join(dir, hash + '.thumb.jpg'), thumb)]);
    const r = await pool.query({ name: 'join', text: `INSERT INTO attendances(user_id, event_id, status, pudding_photo)
      VALUES ($1, $2, 'PENDING', $3) RETURNING id, status`,
      values: [parseInt(req.get('X-Bench-User')), parseInt(req.params.id), hash] });
    res.status(201).json({ attendance: { id: r.rows[0].id, status: r.rows[0].status,
      puddingName: req.body.puddingName, photo: { width: display.info.width, height: display.info.height } } });
  } catch (e) {
    res.status(e.code === '23505' ? 409 : 500).json({ error: { code: 'failed', message: String(e.message) } });
  }
});
app.listen(parseInt(process.env.PEER_UPLOAD_PORT || '18084'), '127.0.0.1');
