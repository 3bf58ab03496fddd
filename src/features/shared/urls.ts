import type { Config } from '../../config';

/**
 * The address users reach a page of the bot at from outside Teams (a
 * calendar feed, a printable minutes page): PUBLIC_URL when set, else the
 * bot's own host and port. `path` starts with a slash.
 */
export function publicUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>, path: string): string {
  const base = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  return `${base.replace(/\/+$/, '')}${path}`;
}
