import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/**
 * A view that throws must not end in Ink's stack-trace screen: show one line instead and keep
 * the keys working (q quits, any pane key tries again).
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: unknown; debug: boolean }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: unknown }): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    const e = this.state.error;
    if (!e) return this.props.children;
    return (
      <Box flexDirection="column">
        <Text>internal error drawing this view: {String(e.message).split('\n')[0]}</Text>
        <Text>Switch panes (1-5) to try again, or q to quit.{this.props.debug ? '' : ' Set TW_DEBUG=1 for details.'}</Text>
        {this.props.debug ? <Text>{e.stack}</Text> : null}
      </Box>
    );
  }
}
