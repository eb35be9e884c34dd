import { Box } from 'ink';
import { useAppState } from '../AppContext.js';
import type { Layout } from '../layout.js';
import { DetailView } from './DetailView.js';
import { ObjectList } from './ObjectList.js';

export function BrowserPane({ l }: { l: Layout }) {
  const focus = useAppState((s) => s.browser.focus);
  return (
    <Box flexDirection="row" height={l.paneHeight} width={l.width}>
      <ObjectList width={l.listWidth} height={l.paneHeight} focused={focus === 'list'} />
      <DetailView width={l.detailWidth} height={l.paneHeight} focused={focus === 'detail'} />
    </Box>
  );
}
