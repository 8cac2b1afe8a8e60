/**
 * What the registry knows about a portal without its DOM adapter: safe for the backend and extension pages
 * (no DOM types), so the server's typecheck (Node, no DOM) can read it.
 */
import type { CaseKind } from '../schemas/api';
import type { Language, PageContext } from '../schemas';
import type { SlaPolicy } from '../schemas/sla';
import type { PageClock } from '../sla/page-clock';
import type { LintRule } from '../templates/lint-rule';

/** A dispute kind a portal's pages show (a marketplace chargeback, a marketplace guarantee claim). */
export interface PortalDisputeKind {
  /**
   * A marketplace guarantee claim (decided by the marketplace, no card network): no card stage, no reason
   * code, and refunding the buyer closes it. Otherwise it is a chargeback passed on by the marketplace.
   */
  claim: boolean;
  /** How a defence letter names it, per language. */
  labels: Record<Language, string>;
  /** The recommendation's sentence when refunding is the better move (claims). */
  refundSentence?: string;
}

/**
 * Everything the rest of Caseside knows about one portal, server-safe (no DOM): the registry
 * (utils/portals/registry.ts) lists these, and schemas, database values, SLA defaults, template values
 * and lint rules, disputes and reports derive from them. The content script's DOM side is PortalAdapter.
 * Clock and dispute-kind ids start with the portal id, so ids of two portals never collide.
 */
export interface PortalDefinition<Id extends string = string, Clock extends string = string, Dispute extends string = string> {
  id: Id;
  /** As agents name it: "Amazon". */
  name: string;
  /**
   * Host names the content scripts run on (lower case): exact names, or `*.` and a domain for every
   * subdomain of it (a shop's own admin host). The manifest asks for these only.
   */
  hosts: readonly string[];
  /**
   * A platform each marketplace runs on its own host: a lead adds each host, the extension asks Chrome for
   * that host alone (an optional host permission) and registers the detector there. `example` is the host
   * the lead tools suggest; `paths` the path prefixes of its work pages.
   */
  teamHosts?: { example: string; paths: readonly string[] };
  /**
   * The match patterns the manifest asks for, when narrower than every page of the hosts (a host that also
   * serves a public storefront): each pattern's host is one of `hosts`. Default: `https://<host>/*`.
   */
  matches?: readonly string[];
  /** The detector content script: entrypoints/<entrypoint>.ts, built to content-scripts/<file>.js. */
  detector: { entrypoint: string; file: string };
  /** The panel script: entrypoints/<entrypoint>.ts, injected by the worker as /<entrypoint>.js into a frame showing a work page. */
  panel: { entrypoint: string };
  marketplaces: {
    /** Codes of this portal beyond plain country codes (US, DE-AT), e.g. a prefixed "SHOP-DE". */
    codePattern?: RegExp;
    /**
     * Its codes have a generic form another portal's may share (a platform's `<OPERATOR>-<COUNTRY>`): a code
     * another portal also owns is that portal's.
     */
    genericForm?: boolean;
    /** Whether a marketplace code is one of this portal's (template lint takes the rules from it). */
    owns(code: string): boolean;
    /** The country of one of its codes, for the buyer's language and the queue's labels. */
    country(code: string): string;
    /**
     * A platform that hosts many marketplace operators (Mirakl): the operator of one of its codes, whose own
     * deadlines (an SLA policy's `byOperator`) replace the policy's.
     */
    operator?(code: string): string | undefined;
  };
  sla: {
    /** Default policies of the portal's own clocks (published deadlines); every number is a team setting. */
    policies: Record<Clock, SlaPolicy>;
    /** Clocks that run to a date the portal sets and cannot be paused. */
    fixedClocks: readonly Clock[];
    /**
     * The clock a page's case runs on, with the start the page shows. Null: the page has no deadline;
     * undefined: nothing of the portal's own (a chargeback page then runs on the card networks' window).
     */
    clockFor(ctx: PageContext): PageClock<Clock> | null | undefined;
    /** The clock of a case known only by its kind (reports on cases recorded without a stored clock). */
    clockOfCaseKind: Partial<Record<CaseKind, Clock>>;
  };
  disputes: {
    kinds: Record<Dispute, PortalDisputeKind>;
    /** The dispute a chargeback or claim page is; undefined when the page is none of the portal's own. */
    kindForPage(ctx: PageContext): Dispute | undefined;
  };
  templates: {
    /** The storefront name buyers know ("Amazon.de"), for {{marketplace}}. */
    storefrontName(ctx: PageContext): string | undefined;
    /** The order number buyers know, for {{order.id}}. */
    orderId(ctx: PageContext): string | undefined;
    /** The marketplace's rules for messages to buyers; empty: only the generic checks apply. */
    messagingRules: readonly LintRule[];
  };
  /** Buyer e-mail domains the portal relays mail through: their addresses look random by design. */
  relayEmailDomain?: RegExp;
  /** Who writes to the team on the portal's message pages. */
  messagesFrom: 'buyer' | 'customer_care';
  /** Whether an order id has this portal's shape (an order known only by its id, from a note). */
  isOrderId(orderId: string): boolean;
  /** Where to open a case of this portal when it has a better address than the page last seen. */
  caseUrl?(c: { kind: CaseKind; orderId: string | null; marketplace: string | null }, seenHost: string | undefined): string | undefined;
}
