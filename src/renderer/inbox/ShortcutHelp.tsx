import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export const SHORTCUTS = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.prev'],
  ['Enter', 'shortcuts.open'],
  ['r', 'shortcuts.reply'],
  ['Ctrl+Enter', 'shortcuts.send'],
  ['a', 'shortcuts.autoReply'],
  ['/', 'shortcuts.search'],
  ['?', 'shortcuts.help'],
] as const;

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('shortcuts.title')} onCancel={onClose} footer={null}>
      <table>
        <tbody>
          {SHORTCUTS.map(([key, label]) => (
            <tr key={key}>
              <td style={{ padding: '4px 16px 4px 0' }}>
                <kbd>{key}</kbd>
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('shortcuts.imeNote')}</p>
    </Modal>
  );
}
