/** zDirect, Zalando's partner portal: one host for every shop country. */
export const ZALANDO_HOSTS: readonly string[] = ['zdirect.zalando.com'];
