/**
 * Message lookup with `{name}` placeholders. Pure, so it is tested without React.
 * The German file is the reference: its keys type every `t()` call.
 */
import type de from './messages/de.json';

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

/** Replaces `{name}` with `params.name`; an unknown placeholder stays visible so that it is noticed. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = messages[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
