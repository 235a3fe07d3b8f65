/**
 * Targeted builds (issue 20): a publish renders the pages it changes, not the whole site.
 *
 * Every generated path may carry a cache key (build/page-keys.ts, lib/paginate.ts) that covers all the data the
 * page shows: its entry, the neighbours it lists, the layout's settings and the day. This integration wraps
 * Astro's prerenderer and, in every build, writes the plan of the build to THADS_BUILD_PLAN: every path with
 * its route and key. When THADS_TARGET_KEYS names the keys of the site now live (written by scripts/build.ts
 * after each build), it renders only
 *  - the paths whose key differs from the live one or that are new, and
 *  - the paths without a key (a few hundred small pages: home, feeds, sections, units…), every time;
 * scripts/build.ts then swaps those files one by one into the live folder and deletes the paths that are gone.
 *
 * In a targeted build Astro's own incremental cache (experimental.incrementalBuild) is switched off for the
 * build: it would otherwise record only the rendered paths and prune the cached copies of all the others.
 * Its copies of the re-rendered paths are then stale, but they are keyed, so a later full build never reuses
 * them. The configuration itself is unchanged (Astro empties the content store when the configuration changes).
 */
import fs from 'node:fs';
import type { AstroConfig, AstroIntegration, AstroPrerenderer } from 'astro';

/** One generated path of a build: its route (component file), whether it is a page or an endpoint, its key. */
export type PlannedPath = { pathname: string; route: string; type: string; key: string | null };

export type BuildPlan = {
  /** Rendered only what changed against THADS_TARGET_KEYS. */
  targeted: boolean;
  /** Every path of the site now, rendered or not. */
  paths: PlannedPath[];
  /** The paths rendered by this build. */
  rendered: string[];
};

/** The keys of a built site: pathname → key (null: the path has no key and is rendered at every build). */
export type LiveKeys = Record<string, string | null>;

/** The paths a targeted build renders: new ones, those whose key changed, and those without a key. */
export function selectPaths<P extends { pathname: string; cacheKey?: string | undefined }>(paths: readonly P[], live: LiveKeys): P[] {
  return paths.filter((p) => p.cacheKey === undefined || !(p.pathname in live) || live[p.pathname] !== p.cacheKey);
}

export function targetedBuild(): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'thads:targeted-build',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const planFile = process.env.THADS_BUILD_PLAN;
        if (!planFile) return;
        const keysFile = process.env.THADS_TARGET_KEYS;
        const live: LiveKeys | null = keysFile ? (JSON.parse(fs.readFileSync(keysFile, 'utf8')) as LiveKeys) : null;
        if (live && config) (config.experimental as { incrementalBuild?: boolean }).incrementalBuild = false;
        setPrerenderer((base: AstroPrerenderer): AstroPrerenderer => ({
          ...base,
          name: 'thads:targeted',
          setup: () => base.setup?.() ?? Promise.resolve(),
          render: (request, options) => base.render(request, options),
          teardown: () => base.teardown?.() ?? Promise.resolve(),
          async getStaticPaths() {
            const started = performance.now();
            const all = await base.getStaticPaths();
            logger.info(`${all.length} đường dẫn và khoá trong ${((performance.now() - started) / 1000).toFixed(1)} s / ${all.length} paths and keys in ${((performance.now() - started) / 1000).toFixed(1)} s`);
            const selected = live ? selectPaths(all, live) : all;
            const plan: BuildPlan = {
              targeted: Boolean(live),
              paths: all.map((p) => ({ pathname: p.pathname, route: p.route.component, type: p.route.type, key: p.cacheKey ?? null })),
              rendered: selected.map((p) => p.pathname),
            };
            // By rename: scripts/build.ts reads it as soon as it appears, while the pages render.
            fs.writeFileSync(`${planFile}.tmp`, JSON.stringify(plan));
            fs.renameSync(`${planFile}.tmp`, planFile);
            if (live) logger.info(`dựng ${selected.length} trong ${all.length} đường dẫn (các trang đã thay đổi hoặc không có khoá)`);
            return selected;
          },
        }));
      },
    },
  };
}
