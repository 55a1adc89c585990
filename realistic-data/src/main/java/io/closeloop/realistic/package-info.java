/**
 * A realistic tenant and the revenue its reports must show — the proof of the accuracy issues (10 and 11).
 *
 * <p>{@link io.closeloop.realistic.RealisticTenantGenerator} makes a seeded tenant as ingest's HTTP API receives
 * it, with its ground truth ({@link io.closeloop.realistic.Truth}); {@link io.closeloop.realistic.ExpectedRevenue}
 * computes the expected report from that truth alone. This module depends only on {@code contracts}
 * ({@code DependencyRuleTest} fails otherwise): the expected numbers never come from a service's code.
 *
 * <h2>The rules the expected values follow</h2>
 * Written from {@code docs/architecture.md}, {@code shared/design.md} and issues 10 and 11; where a rule could be
 * read two ways, the data avoids the case (noted below) so that the expectation does not depend on the reading.
 * <ol>
 *   <li><b>Which conversions count.</b> A conversion id's records are put in order — by {@code sourceUpdatedAt}
 *       when both records carry one (the generator gives a conversion's records all or none), then by arrival
 *       (the position in the send plan, which ingest's per-tenant sequence follows since requests are sent one
 *       after another). Folded in that order: a whole version sets stage, time and (when it carries one) value and
 *       currency; {@code change: value_changed} replaces value and currency and keeps time and stage;
 *       {@code change: refund} subtracts its (positive) amount. The conversion counts when its type counts its
 *       final stage: type {@code deal} counts only {@code won} ({@code new} and {@code qualified} are funnel
 *       events even with an estimate, {@code lost} withdraws, also after a {@code won}); {@code order} and
 *       {@code store_sale} count every record but {@code lost}/{@code cancelled}. A value refunded in full (or to
 *       zero or below) withdraws. A counting conversion's revenue is its folded value in its original currency.
 *   <li><b>Its time</b> is the time of its latest whole version: corrections and refunds keep it; a won record
 *       re-sent with a new value at the same close time keeps it.</li>
 *   <li><b>Eligible touches</b>: the conversion's person's touches {@code t} with
 *       {@code time - lookback(type) <= t < time} (lookback: {@code deal} 60 days, {@code store_sale} 30,
 *       {@code order} 90 — each set on the conversion type; attribution's own default is 90), whose person had
 *       granted measurement at {@code t} (the person's latest signal at or before {@code t}). Every person gets a
 *       signal before their first touch, so tenant consent defaults (which issue 10 changes) never decide.</li>
 *   <li><b>Whose touch</b>: a touch carrying an email belongs to that email's person. A device-only page view
 *       belongs to the person whose form fill linked that device — including the views before the form fill.
 *       A call belongs to the person who gave that phone number (in whatever notation). On a shared household
 *       device, two people fill forms with different emails: they stay two persons; the device-only views before
 *       the first form fill belong to the first person (by event time), and after it both people's visits carry
 *       their email (the data has no device-only view on a shared device after the first form fill).</li>
 *   <li><b>Consent cases</b>: <i>denied</i> — every touch ineligible, conversions count as unattributed;
 *       <i>granted late</i> — denied first, granted before the form fill: device-only views before the grant are
 *       ineligible, those after it eligible; <i>revoked</i> — the person orders (credited normally, the order
 *       arrives before the revocation), revokes, comes back and buys in a store more than 30 days (the store
 *       sale's lookback) after the revocation, so only post-revocation touches fall in its window: the sale counts,
 *       unattributed, whether or not "a withdrawal stops all later use" is read to cover earlier touches.</li>
 *   <li><b>Credit</b>: eligible touches ordered by time, then event id as lower-case text (the data has no two
 *       touches of one person in the same second). {@code last_touch}: the whole value to the last one.
 *       {@code linear}: {@code value / n} each, the {@code value % n} leftover units one each to the latest
 *       touches (largest remainder, equal remainders to the later touch). No eligible touch: the whole value to
 *       channel {@code unattributed}, campaign none. Default path transforms (none) apply.</li>
 *   <li><b>Channels</b> ({@link io.closeloop.realistic.Channels}), GA4's derivation: a call takes its tracking
 *       number's configured channel and campaign; a badge scan is {@code events} with the event as campaign; a web
 *       touch with UTM source/medium goes through GA4's default channel groups (google|bing / cpc → paid_search;
 *       facebook|linkedin / paid_social → paid_social; newsletter / email → email; dv360 / display → display;
 *       partner_blog / referral → referral), campaign the UTM campaign; without UTM, a gclid makes it google / cpc
 *       → paid_search (even with a google.com referrer); else a search-engine referrer (google, bing, duckduckgo)
 *       → organic_search; else no referrer or a same-site referrer → direct. A form's UTM comes from its page.
 *       Campaigns of organic, direct, gclid-only and unattributed revenue are not compared (GA4 names them
 *       "(organic)", "(direct)", "(not set)"; the platform may leave them empty).</li>
 *   <li><b>Reports</b> group by channel, campaign and original currency; every conversion lies inside
 *       {@code [firstDay, lastDay]} of the tenant (UTC days), so the report over that range holds all of them.
 *       The base-currency total (USD, each counting conversion converted once at the latest rate dated on or
 *       before its UTC day, half-even to cents) is computed too.</li>
 * </ol>
 */
package io.closeloop.realistic;
