/**
 * The Shopify admin: `admin.shopify.com/store/<handle>/...` and the legacy `<shop>.myshopify.com/admin/...`
 * (which redirects there) [Shopify help]. A `*.myshopify.com` host also serves the shop's public
 * storefront, so the manifest asks for the admin paths only, never the storefront.
 */
export const SHOPIFY_ADMIN_HOST = 'admin.shopify.com';
const LEGACY_DOMAIN = '.myshopify.com';

export const SHOPIFY_HOSTS: readonly string[] = [SHOPIFY_ADMIN_HOST, `*${LEGACY_DOMAIN}`];
export const SHOPIFY_MATCHES: readonly string[] = [`https://${SHOPIFY_ADMIN_HOST}/store/*`, `https://*${LEGACY_DOMAIN}/admin/*`];

/** A store handle (the `<handle>` of `/store/<handle>` and of `<handle>.myshopify.com`). */
const HANDLE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const isLegacyAdminHost = (host: string): boolean => {
  const h = host.toLowerCase();
  return h.endsWith(LEGACY_DOMAIN) && HANDLE.test(h.slice(0, -LEGACY_DOMAIN.length));
};

export const isShopifyAdminHost = (host: string): boolean => host.toLowerCase() === SHOPIFY_ADMIN_HOST || isLegacyAdminHost(host);

/**
 * Where a URL is inside the admin: the store's handle and the admin path after it (`/orders/123`), or
 * undefined for a page outside the admin (a storefront page on the legacy host).
 */
export function adminLocation(url: URL): { store: string; path: string } | undefined {
  const host = url.hostname.toLowerCase();
  const clean = (path: string) => path.replace(/\/+$/, '') || '/';
  if (host === SHOPIFY_ADMIN_HOST) {
    const match = /^\/store\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const store = match?.[1]?.toLowerCase();
    return store && HANDLE.test(store) ? { store, path: clean(match?.[2] ?? '/') } : undefined;
  }
  if (isLegacyAdminHost(host)) {
    const match = /^\/admin(\/.*)?$/.exec(url.pathname);
    return match ? { store: host.slice(0, -LEGACY_DOMAIN.length), path: clean(match[1] ?? '/') } : undefined;
  }
  return undefined;
}
