// @vitest-environment jsdom
// The stand-in for antd's Button loading icon (src/renderer/antd/ButtonLoadingIcon.tsx): nothing
// while not loading (antd's icon, motion off, showed nothing either), antd's markup when loading.
import '../setup.js';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ButtonLoadingIcon from '../../../../src/renderer/antd/ButtonLoadingIcon.js';

const props = { prefixCls: 'ant-btn', existIcon: false, mount: true };

describe('ButtonLoadingIcon', () => {
  it('renders nothing for a button that is not loading', () => {
    const { container } = render(<ButtonLoadingIcon {...props} loading={false} />);
    expect(container.innerHTML).toBe('');
  });

  it("renders antd's loading icon for a loading button", () => {
    const { container } = render(
      <ButtonLoadingIcon {...props} loading className="extra" style={{ marginInlineEnd: 4 }} />,
    );
    const icon = container.querySelector('span.ant-btn-icon.ant-btn-loading-icon.extra');
    expect(icon).not.toBeNull();
    expect(icon?.getAttribute('style')).toContain('margin-inline-end: 4px');
    expect(icon?.querySelector('[aria-label="loading"] svg')).not.toBeNull();
  });
});
