import type { MouseEvent } from 'react';
import { useLocation } from 'wouter';

/**
 * Props that make any anchor-like element (Mantine NavLink, Anchor, Paper as
 * "a") navigate inside the app, while ctrl/cmd-click still opens a new tab.
 */
export function useLinkProps() {
  const [, navigate] = useLocation();
  /** `isolated`: the link sits in a clickable row, which must not handle the same click. */
  return (href: string, { isolated = false }: { isolated?: boolean } = {}) => ({
    href,
    onClick: (event: MouseEvent<HTMLElement>) => {
      if (isolated) event.stopPropagation();
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href);
    },
  });
}
