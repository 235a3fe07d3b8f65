/**
 * Where the browser sends the public forms: PUBLIC_CMS_URL at build time (default http://localhost:1337),
 * the CMS's public address, which may differ from STRAPI_URL (the address the build reads from). Read by
 * the form pages (build time only) and passed to the islands as a prop.
 */
export function publicCmsUrl(): string {
  const value = import.meta.env.PUBLIC_CMS_URL || process.env.PUBLIC_CMS_URL || 'http://localhost:1337';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_CMS_URL không phải địa chỉ hợp lệ: "${value}". / PUBLIC_CMS_URL is not a valid URL.`);
  }
  return url.href.replace(/\/+$/, '');
}
