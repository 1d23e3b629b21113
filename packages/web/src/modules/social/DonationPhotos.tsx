// A donation's evidence photos (捐赠/慰问现场照片): a button in its row opens them in a drawer, where a writer
// takes or uploads more (on a phone, the camera). The platform keeps the files (platform/Attachments).
import { CameraOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Attachments } from '../../platform/Attachments';

export function DonationPhotos({ donation }: { donation: { id: number; donorName: string; recipientName: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<CameraOutlined />} onClick={() => setOpen(true)} data-testid="donation-photos">
        {t('attachments.photos')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={`${donation.donorName} → ${donation.recipientName}`}
        size="large"
        destroyOnHidden
      >
        <Attachments module="social" kind="donation" ownerId={donation.id} purpose="photo" accept="photo" />
      </Drawer>
    </>
  );
}
