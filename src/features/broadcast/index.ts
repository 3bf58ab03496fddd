import { z } from 'zod';
import { deliveryJob } from '../../delivery/durable';
import type { CommandContext, Feature } from '../shared/feature';
import { defineAction } from '../shared/feature';
import {
  BROADCAST_POST_KIND,
  broadcastView,
  dayOf,
  postBroadcast,
  readBroadcast,
  sendBroadcast,
  type BroadcastPostPayload,
} from './broadcast';
import { postedCard } from './cards';
import { BROADCAST_PEOPLE_KIND, fanOutBroadcast, type BroadcastPeoplePayload } from './personal';

/** `utskick` / `broadcast`: the compose card with the sender's read rates. */
export async function broadcast(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'broadcast') return;
  await ctx.turn.send(await broadcastView(ctx.services, ctx.turn));
}

/** `broadcast.send` (`title`, `text`, `url`; `groupIds`, `memberGroupIds`, `personIds` comma-separated). */
export const broadcastSend = defineAction({
  verb: 'broadcast.send',
  schema: z
    .object({
      title: z.string().max(1000).default(''),
      text: z.string().max(4000).default(''),
      url: z.string().max(1000).default(''),
      groupIds: z.string().max(2000).default(''),
      memberGroupIds: z.string().max(2000).default(''),
      personIds: z.string().max(8000).default(''),
    })
    .catchall(z.string().max(1000)),
  async handle({ services, turn, data }) {
    return sendBroadcast(services, turn, {
      title: data.title,
      text: data.text,
      url: data.url,
      groupIds: data.groupIds,
      memberGroupIds: data.memberGroupIds,
      personIds: data.personIds,
    });
  },
});

/** `broadcast.read` (`broadcastId`). */
export const broadcastRead = defineAction({
  verb: 'broadcast.read',
  schema: z.object({ broadcastId: z.string().trim().min(1).max(64) }).catchall(z.string().max(1000)),
  async handle({ services, turn, data }) {
    return readBroadcast(services, turn, data.broadcastId);
  },
});

/**
 * Telling staff (§11): the command, its two verbs, the post of a broadcast in
 * a group's channel and its fan-out to people's personal chats, each a
 * durable delivery.
 */
export const broadcastFeature: Feature = {
  name: 'broadcast',
  register(routes, services) {
    routes.command('broadcast', broadcast);
    routes.action(broadcastSend);
    routes.action(broadcastRead);
    routes.job<BroadcastPostPayload>(
      BROADCAST_POST_KIND,
      deliveryJob(async (p) => {
        const b = await services.broadcasts.get(p.tenantId, p.broadcastId);
        if (!b) return 'skipped';
        return (await postBroadcast(services, b, p)) ? undefined : 'skipped';
      }),
    );
    routes.job<BroadcastPeoplePayload>(
      BROADCAST_PEOPLE_KIND,
      deliveryJob(async (p) => {
        const b = await services.broadcasts.get(p.tenantId, p.broadcastId);
        if (!b) return 'skipped';
        await fanOutBroadcast(services, p.tenantId, b, (locale) => postedCard(locale, services.organisation, b, dayOf(services)));
      }),
    );
  },
};
