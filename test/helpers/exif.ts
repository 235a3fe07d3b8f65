/**
 * Photos with identifying metadata, made in the test (sharp), and a reader for what matters in them:
 * the camera model and whether EXIF holds a GPS block (tag 0x8825 in IFD0).
 */
import fs from 'node:fs';
import sharp from 'sharp';

export const CAMERA_MODEL = 'THADS-TEST-CAMERA-X1';

/**
 * A JPEG as a phone writes it: EXIF with make, model and a GPS position (Hưng Yên), stored sideways with
 * orientation 6 (to be turned 90° on display), and an ICC profile. `width` × `height` are the stored pixels.
 */
export async function phoneJpeg({ width = 64, height = 32, color = '#c33' } = {}): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'ThadsTest', Model: CAMERA_MODEL },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 39/1 3230/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 3/1 0/1' },
    })
    .toBuffer();
}

/** Whether an EXIF block (as sharp's metadata().exif gives it, "Exif\0\0" + TIFF) has a GPS IFD. */
export function hasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const le = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** What a public copy must not carry, read back from the file itself. */
export async function identifyingMetadata(file: Buffer | string) {
  const meta = await sharp(file).metadata();
  const bytes = typeof file === 'string' ? fs.readFileSync(file) : file;
  return {
    exif: Boolean(meta.exif),
    gps: hasGps(meta.exif),
    xmp: Boolean(meta.xmp),
    iptc: Boolean(meta.iptc),
    cameraModelInBytes: bytes.includes(CAMERA_MODEL),
    orientation: meta.orientation,
    width: meta.width,
    height: meta.height,
  };
}
